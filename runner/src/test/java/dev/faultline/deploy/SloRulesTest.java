package dev.faultline.deploy;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The PrometheusRule holds, for the example SLO, one error-ratio recording rule per window and the
 * four multiwindow burn-rate alerts of the SRE Workbook, with thresholds derived from the SLO.
 */
class SloRulesTest {

    private static final Pattern CONDITION = Pattern.compile(
            "slo:sli_error:ratio_rate(\\w+)\\{slo=\"([^\"]+)\"} > \\(([0-9.]+) \\* ([0-9.]+)\\)");

    @Test
    void prometheusRuleParsesAsAGenericResourceWithRuleGroups() {
        GenericKubernetesResource rule = SloRules.resource();
        assertThat(rule.getApiVersion()).isEqualTo("monitoring.coreos.com/v1");
        assertThat(rule.getKind()).isEqualTo("PrometheusRule");
        assertThat(rule.getMetadata().getNamespace()).isEqualTo("faultline");
        assertThat(SloRules.groups(rule)).isNotEmpty().allSatisfy(group -> {
            assertThat(group.get("name")).isInstanceOf(String.class);
            assertThat(group.get("rules")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST).isNotEmpty();
        });
    }

    @Test
    void recordsTheSloErrorRatioForEveryWindowTheAlertsRead() throws Exception {
        SloRules.Slo slo = SloRules.slo();
        GenericKubernetesResource rule = SloRules.resource();
        TreeSet<Duration> windows = new TreeSet<>();
        SloRules.WORKBOOK.forEach(row -> {
            windows.add(row.longWindow());
            windows.add(row.shortWindow());
        });
        assertThat(windows).extracting(SloRules::prometheus).containsExactly("5m", "30m", "1h", "2h", "6h", "1d", "3d");
        List<Map<String, Object>> recordings = SloRules.recordings(rule);
        assertThat(recordings).hasSameSizeAs(windows);
        for (Duration window : windows) {
            String name = "slo:sli_error:ratio_rate" + SloRules.prometheus(window);
            Map<String, Object> recording = recordings.stream().filter(r -> name.equals(r.get("record"))).findFirst()
                    .orElseThrow(() -> new AssertionError("no recording rule [" + name + "]"));
            assertThat(SloRules.squash(recording.get("expr"))).isEqualTo(
                    SloRules.squash(SloRules.window(slo.badQuery(), window) + " / " + SloRules.window(slo.totalQuery(), window)));
            assertThat(recording.get("labels")).isEqualTo(Map.of("slo", slo.name(), "service", slo.service()));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void alertsAreTheWorkbookMultiwindowTableForTheSloTarget() throws Exception {
        SloRules.Slo slo = SloRules.slo();
        assertThat(slo.period()).isEqualTo(Duration.ofDays(30));
        List<Map<String, Object>> alerts = SloRules.alerts(SloRules.resource());
        assertThat(alerts).hasSize(SloRules.WORKBOOK.size());
        for (SloRules.Row row : SloRules.WORKBOOK) {
            String longWindow = SloRules.prometheus(row.longWindow());
            String shortWindow = SloRules.prometheus(row.shortWindow());
            Map<String, Object> alert = alerts.stream()
                    .filter(a -> longWindow.equals(((Map<String, Object>) a.get("labels")).get("long_window")))
                    .findFirst().orElseThrow(() -> new AssertionError("no alert for the " + longWindow + " window"));
            assertThat((Map<String, Object>) alert.get("labels"))
                    .containsEntry("severity", row.severity()).containsEntry("short_window", shortWindow);
            String[] sides = SloRules.squash(alert.get("expr")).split(" and ");
            assertThat(sides).as("%s: long window and short window", alert.get("alert")).hasSize(2);
            List<String> windowsRead = Stream.of(sides).map(side -> {
                Matcher m = CONDITION.matcher(side);
                assertThat(m.matches()).as("condition [%s]", side).isTrue();
                assertThat(m.group(2)).isEqualTo(slo.name());
                assertThat(Double.parseDouble(m.group(3)) * Double.parseDouble(m.group(4)))
                        .as("%s threshold", alert.get("alert"))
                        .isCloseTo(row.burnRate(slo.period()) * slo.budget(), within(1e-12));
                return m.group(1);
            }).toList();
            assertThat(windowsRead).containsExactly(longWindow, shortWindow);
        }
    }

    @Test
    void workbookRatesForThirtyDaysAreFourteenPointFourSixThreeAndOne() {
        assertThat(SloRules.WORKBOOK).extracting(row -> row.burnRate(Duration.ofDays(30)))
                .satisfiesExactly(
                        r -> assertThat(r).isCloseTo(14.4, within(1e-9)),
                        r -> assertThat(r).isCloseTo(6.0, within(1e-9)),
                        r -> assertThat(r).isCloseTo(3.0, within(1e-9)),
                        r -> assertThat(r).isCloseTo(1.0, within(1e-9)));
    }
}

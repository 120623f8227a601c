package dev.faultline.deploy;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.faultline.testkit.Executables;
import dev.faultline.testkit.Required;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The PrometheusRule's groups against the real {@code promtool}: they pass {@code check rules}, and
 * {@code test rules} shows which burn-rate alerts fire for steady error ratios and for a burst that
 * has stopped (the short window lets pages resolve while tickets keep the memory of it).
 */
class SloRulesIT {

    private static final String PAGE_1H = "SloErrorBudgetBurnPage1h";
    private static final String PAGE_6H = "SloErrorBudgetBurnPage6h";
    private static final String TICKET_1D = "SloErrorBudgetBurnTicket1d";
    private static final String TICKET_3D = "SloErrorBudgetBurnTicket3d";
    private static final Set<String> ALL = Set.of(PAGE_1H, PAGE_6H, TICKET_1D, TICKET_3D);
    private static final int MINUTES = 180;

    private static Path promtool;

    @TempDir
    Path dir;

    @BeforeAll
    static void findPromtool() {
        promtool = Executables.find("promtool").orElse(null);
        Required.component(promtool != null, "promtool on PATH (apt-get install prometheus)");
    }

    @Test
    void ruleGroupsPassPromtoolCheckRules() throws Exception {
        Path rules = writeRules();
        Result result = promtool("check", "rules", rules.toString());
        assertThat(result.code()).as(result.output()).isZero();
        assertThat(result.output()).contains("SUCCESS: " + SloRules.rules(SloRules.resource()).size() + " rules found");
    }

    @Test
    void promtoolRejectsABrokenRuleSoTheCheckMeansSomething() throws Exception {
        Path broken = dir.resolve("broken.yaml");
        Files.writeString(broken, "groups: [{name: g, rules: [{record: 'x', expr: 'sum(rate(y[5m])'}]}]\n");
        assertThat(promtool("check", "rules", broken.toString()).code()).isNotZero();
    }

    @Test
    void burnRateAlertsFireOnlyWhileBothTheirWindowsBurn() throws Exception {
        writeRules();
        SloRules.Slo slo = SloRules.slo();
        GenericKubernetesResource rule = SloRules.resource();
        List<Object> tests = new ArrayList<>();
        // 2% errors burn at 20x the 0.1% budget: above every threshold (14.4, 6, 3, 1).
        tests.add(scenario(slo, rule, steady(98, 2), Map.of("2h", ALL)));
        // 0.5% is 5x: only the ticket alerts (3x, 1x) fire.
        tests.add(scenario(slo, rule, steady(995, 5), Map.of("2h", Set.of(TICKET_1D, TICKET_3D))));
        // 0.05% is 0.5x: within budget, nothing fires.
        tests.add(scenario(slo, rule, steady(1999, 1), Map.of("2h", Set.of())));
        // Healthy for an hour, every request fails in minutes 61-70, healthy again: pages fire during
        // the burst and resolve once their short windows (5m, 30m) are clean. Checked 35 minutes after the
        // burst, not 30: the alert group may read the recording group's previous evaluation (groups run
        // independently), and one minute of lag at exactly 30 minutes would still see the burst.
        tests.add(scenario(slo, rule, burst(), Map.of("68m", ALL, "105m", Set.of(TICKET_1D, TICKET_3D))));
        Path file = dir.resolve("slo-tests.yaml");
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("rule_files", List.of("rules.yaml"));
        doc.put("evaluation_interval", "1m");
        doc.put("tests", tests);
        new YAMLMapper().writeValue(file.toFile(), doc);
        Result result = promtool("test", "rules", file.toString());
        assertThat(result.code()).as(result.output()).isZero();
        assertThat(result.output()).contains("SUCCESS");
    }

    /** Good and bad request counters, one value per minute. */
    private record Traffic(long[] good, long[] bad) {
    }

    private static Traffic steady(long goodPerMinute, long badPerMinute) {
        long[] good = new long[MINUTES + 1];
        long[] bad = new long[MINUTES + 1];
        for (int t = 1; t <= MINUTES; t++) {
            good[t] = good[t - 1] + goodPerMinute;
            bad[t] = bad[t - 1] + badPerMinute;
        }
        return new Traffic(good, bad);
    }

    private static Traffic burst() {
        long[] good = new long[MINUTES + 1];
        long[] bad = new long[MINUTES + 1];
        for (int t = 1; t <= MINUTES; t++) {
            boolean failing = t > 60 && t <= 70;
            good[t] = good[t - 1] + (failing ? 0 : 100);
            bad[t] = bad[t - 1] + (failing ? 100 : 0);
        }
        return new Traffic(good, bad);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> scenario(SloRules.Slo slo, GenericKubernetesResource rule, Traffic traffic,
                                                Map<String, Set<String>> firingAt) {
        Matcher total = Pattern.compile("(\\w+)\\{([^}]*)}").matcher(slo.totalQuery());
        assertThat(total.find()).as("metric selector in [%s]", slo.totalQuery()).isTrue();
        String series = total.group(1) + "{" + total.group(2) + ",status=\"%s\"}";
        List<Object> inputs = List.of(
                Map.of("series", series.formatted("200"), "values", values(traffic.good())),
                Map.of("series", series.formatted("500"), "values", values(traffic.bad())));
        List<Object> checks = new ArrayList<>();
        firingAt.forEach((time, firing) -> {
            for (Map<String, Object> alert : SloRules.alerts(rule)) {
                String name = (String) alert.get("alert");
                List<Object> expected = new ArrayList<>();
                if (firing.contains(name)) {
                    Map<String, Object> labels = new LinkedHashMap<>((Map<String, Object>) alert.get("labels"));
                    labels.put("slo", slo.name());
                    labels.put("service", slo.service());
                    expected.add(Map.of("exp_labels", labels, "exp_annotations", alert.get("annotations")));
                }
                checks.add(Map.of("eval_time", time, "alertname", name, "exp_alerts", expected));
            }
        });
        return Map.of("interval", "1m", "input_series", inputs, "alert_rule_test", checks);
    }

    private static String values(long[] counter) {
        StringBuilder out = new StringBuilder();
        for (long v : counter) {
            out.append(out.isEmpty() ? "" : " ").append(v);
        }
        return out.toString();
    }

    private Path writeRules() throws IOException {
        Path rules = dir.resolve("rules.yaml");
        new YAMLMapper().writeValue(rules.toFile(), Map.of("groups", SloRules.groups(SloRules.resource())));
        return rules;
    }

    private record Result(int code, String output) {
    }

    private Result promtool(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(promtool.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("promtool " + String.join(" ", args) + " did not finish within 120 s");
        }
        return new Result(process.exitValue(), output);
    }
}

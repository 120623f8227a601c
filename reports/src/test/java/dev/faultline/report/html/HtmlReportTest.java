package dev.faultline.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.journal.Fault;
import dev.faultline.journal.FaultlineData;
import dev.faultline.journal.Journal;
import dev.faultline.report.Fixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

class HtmlReportTest {

    static final List<String> JOURNALS = Fixtures.ALL;
    private static final Pattern URL_ATTRIBUTE = Pattern.compile("\\s(href|src|action|xlink:href|formaction)=\"([^\"]*)\"");

    @ParameterizedTest
    @FieldSource("JOURNALS")
    void isSelfContainedWithAStrictContentSecurityPolicy(String name) {
        String html = HtmlReport.render(Fixtures.journal(name));

        assertThat(html).startsWith("<!DOCTYPE html>")
                .contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src &#39;none&#39;; "
                        + "style-src &#39;unsafe-inline&#39;; img-src data:; base-uri &#39;none&#39;; "
                        + "form-action &#39;none&#39;\">")
                .doesNotContainIgnoringCase("<script").doesNotContainIgnoringCase("<link")
                .doesNotContainIgnoringCase("<img").doesNotContainIgnoringCase("<iframe")
                .doesNotContainIgnoringCase("@import").doesNotContainIgnoringCase("url(");
        Matcher urls = URL_ATTRIBUTE.matcher(html);
        while (urls.find()) {
            assertThat(urls.group(2)).as("%s=\"%s\" may only point inside the page", urls.group(1), urls.group(2))
                    .matches("#[a-z-]+");
        }
    }

    @Test
    void rendersHostileJournalTextAsTextOnly() {
        String html = HtmlReport.render(Fixtures.journal("xss"));

        assertThat(html).doesNotContainIgnoringCase("<script").doesNotContainIgnoringCase("<img")
                .doesNotContainIgnoringCase("<svg onload").doesNotContainIgnoringCase("href=\"javascript")
                .doesNotContain("</style><style>");
        assertThat(Pattern.compile("<[^>]*\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE).matcher(html).find())
                .as("no event-handler attribute in any tag").isFalse();
        assertThat(html).contains("XSS &lt;script&gt;window.__xss=1;alert(1)&lt;/script&gt;&quot;&gt;&lt;img src=x "
                + "onerror=&quot;window.__xss=2;alert(2)&quot;&gt;");
        assertThat(html).contains("javascript:window.__xss=3;alert(3)");
        assertThat(html).doesNotContain("\u0007").doesNotContain("\u001b");
    }

    @Test
    void masksSecretsTheJournalForgotToMask() {
        String held = HtmlReport.render(Fixtures.journal("held"));
        String xss = HtmlReport.render(Fixtures.journal("xss"));
        String ctk = HtmlReport.render(Fixtures.journal("ctk-plain"));

        assertThat(held).doesNotContain("s3cr3t-leaked-value").doesNotContain("tok-abc-123456")
                .contains("postgres://shop:***@db:5432/shop");
        assertThat(xss).doesNotContain("plain-password-leaked").doesNotContain("cs-leaked-42")
                .doesNotContain("eyJhbGciOi-leaked");
        assertThat(ctk).doesNotContain("p4ss-from-config");
    }

    @Test
    void tellsWhatHappenedInTheBannerOfAnAbortedRun() {
        String html = HtmlReport.render(Fixtures.journal("aborted"));

        assertThat(html).contains("<header id=\"verdict\" class=\"verdict v-aborted\">")
                .contains("<span class=\"verdict-label\">ABORTED</span><span class=\"exit\">exit code 3</span>")
                .contains("Aborted by guard [burn-rate]: burn rate over 5m [16.2x] is above the threshold [14.4x].")
                .contains("Last fault undone at +31.4 s (231 ms after the breach).")
                .contains("<div class=\"tile-value\">231 ms</div><div class=\"tile-label\">from breach to last "
                        + "fault undone</div>");
    }

    @Test
    void drawsTheTimelineWithFaultWindowsGuardBreachesAndTheAbort() {
        String html = HtmlReport.render(Fixtures.journal("aborted"));

        assertThat(html).contains("<svg id=\"timeline-chart\"", "<svg id=\"latency-chart\"",
                "<svg id=\"error-chart\"", "<svg id=\"burn-chart\"", "<svg id=\"budget-bar\"",
                "<g id=\"abort-marker\"", "class=\"fault-irreversible\"");
        assertThat(count(html, "class=\"fault-window\"")).isEqualTo(2);
        assertThat(count(html, "class=\"guard-breach\"")).isEqualTo(1);
        // f1 and f3 overlap: one shaded span in each of the three time charts.
        assertThat(count(html, "class=\"fault-shade\"")).isEqualTo(3);
        assertThat(html).contains("<title>faults f1, f3 active</title>");
    }

    @Test
    void capsFaultLanesOfARunWithManyFaults() {
        Journal aborted = Fixtures.journal("aborted");
        Fault template = aborted.faults().get(0);
        List<Fault> many = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            many.add(new Fault("f" + i, template.driver(), template.kind(), template.target(), template.description(),
                    template.activity(), true, template.injectedAt().plusMillis(i * 100L),
                    template.injectedAt().plusMillis(i * 100L + 50), template.undo(), List.of()));
        }
        FaultlineData data = aborted.faultline();
        Journal journal = new Journal(aborted.chaoslibVersion(), aborted.platform(), aborted.node(),
                aborted.experiment(), aborted.start(), aborted.end(), aborted.duration(), aborted.status(),
                aborted.deviated(), aborted.steadyStates(), aborted.run(), aborted.rollbacks(),
                new FaultlineData(data.version(), data.runId(), data.outcome(), data.exitCode(), data.exitMeaning(),
                        data.experimentFile(), data.startedAt(), data.endedAt(), data.environment(), data.dryRun(),
                        data.error(), data.phases(), data.activities(), many, data.guards(), data.abort(),
                        data.refusal(), data.sli(), data.budget(), data.configuration()), null);

        String html = HtmlReport.render(journal);

        assertThat(count(html, "class=\"fault-window\"")).isEqualTo(TimelineSection.MAX_FAULT_LANES);
        assertThat(html).contains("… and 20 more faults (see Faults)");
        assertThat(count(html, "<article class=\"fault\"")).isEqualTo(60);
    }

    @Test
    void saysSoWhereASectionHasNoData() {
        String html = HtmlReport.render(Fixtures.journal("ctk-plain"));

        assertThat(html).contains("No SLI data", "No error-budget data", "No safety guards",
                "No fault data: a plain Chaos Toolkit journal does not record faults",
                "Plain Chaos Toolkit journal: the outcome is derived from its status [completed]");
        assertThat(html).contains("id=\"timeline-chart\"");
    }

    @Test
    void callsOutAFailedUndo() {
        String html = HtmlReport.render(Fixtures.journal("error"));

        assertThat(html).contains("class=\"tile bad\"", "1 undo FAILED", "undo FAILED: may still be active",
                "fault [f1] (toxiproxy latency) on [toxiproxy:http://127.0.0.1:8474/proxies/inventory] may still be "
                        + "active");
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}

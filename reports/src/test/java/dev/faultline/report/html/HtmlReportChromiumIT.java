package dev.faultline.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.faultline.report.Fixtures;
import dev.faultline.report.Reports;
import dev.faultline.testkit.DevToolsConnection;
import dev.faultline.testkit.DevToolsPage;
import dev.faultline.testkit.Executables;
import dev.faultline.testkit.HeadlessChromium;
import dev.faultline.testkit.Required;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * The reports in a real headless Chromium, loaded from disk as a CI artifact viewer or a browser
 * would: no console error, no request but the file itself, the timeline and charts drawn, hostile
 * journal text inert, and a full-page screenshot of each in {@code target/screenshots} for review.
 */
class HtmlReportChromiumIT {

    static final List<String> JOURNALS = Fixtures.ALL;
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration LOAD = Duration.ofSeconds(30);

    @TempDir
    static Path dir;
    static HeadlessChromium chromium;

    @BeforeAll
    static void startChromium() throws Exception {
        Optional<Path> executable = Executables.find(HeadlessChromium.NAMES);
        Required.component(executable.isPresent(), "Chromium (chromium, chromium-browser or google-chrome) on PATH; "
                + "on Debian: apt-get install chromium");
        chromium = HeadlessChromium.start(executable.orElseThrow());
    }

    @AfterAll
    static void stopChromium() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @ParameterizedTest
    @FieldSource("JOURNALS")
    void loadsFromDiskWithoutErrorsOrRequestsAndShowsTheVerdict(String name) throws Exception {
        Path report = dir.resolve(name + ".html");
        Reports.writeHtml(List.of(Fixtures.path(name)), report);

        try (DevToolsPage page = open(report)) {
            assertThat(problems(page)).as("console errors, exceptions and log errors").isEmpty();
            assertThat(requests(page)).as("requests the page made").containsExactly(report.toUri().toString());
            assertThat(page.evaluate("document.querySelector('#verdict .verdict-label').textContent").asText())
                    .isEqualTo(Fixtures.journal(name).outcome().label().replace('-', ' ').toUpperCase());
            assertThat(page.evaluate("document.querySelectorAll('svg#timeline-chart').length").asInt()).isEqualTo(1);
            page.screenshot(SCREENSHOTS.resolve(name + ".png"), 1280);
        }
    }

    @Test
    void drawsTheAbortedRunsTimelineChartsAndBudget() throws Exception {
        Path report = dir.resolve("aborted-marks.html");
        Reports.writeHtml(List.of(Fixtures.path("aborted")), report);

        try (DevToolsPage page = open(report)) {
            assertThat(count(page, "svg.chart")).isEqualTo(5);
            assertThat(count(page, "#timeline-chart rect.fault-window")).isEqualTo(2);
            assertThat(count(page, "#timeline-chart path.fault-irreversible")).isEqualTo(1);
            assertThat(count(page, "#timeline-chart rect.guard-breach")).isEqualTo(1);
            assertThat(count(page, "#timeline-chart #abort-marker line")).isEqualTo(1);
            assertThat(count(page, "#latency-chart path.series")).isEqualTo(3);
            assertThat(count(page, "#error-chart path.series")).isEqualTo(1);
            assertThat(count(page, "#burn-chart line.threshold")).isEqualTo(1);
            assertThat(count(page, "#budget-bar rect.budget-consumed")).isEqualTo(1);
            // Drawn, not just present: the timeline has a real size on the page.
            JsonNode box = page.evaluate("(() => { const r = document.querySelector('#timeline-chart')"
                    + ".getBoundingClientRect(); return {w: r.width, h: r.height}; })()");
            assertThat(box.path("w").asDouble()).isGreaterThan(600);
            assertThat(box.path("h").asDouble()).isGreaterThan(200);
            page.emulateMedia("print");
            page.screenshot(SCREENSHOTS.resolve("aborted-print.png"), 800);
        }
    }

    @Test
    void hostileJournalTextExecutesNothingAndReadsAsText() throws Exception {
        Path report = dir.resolve("xss.html");
        Reports.writeHtml(List.of(Fixtures.path("xss")), report);

        try (DevToolsPage page = open(report)) {
            assertThat(page.evaluate("typeof window.__xss").asText()).isEqualTo("undefined");
            assertThat(page.events("Page.javascriptDialogOpening")).as("dialogs opened").isEmpty();
            assertThat(count(page, "script")).isZero();
            assertThat(count(page, "img")).isZero();
            assertThat(count(page, "a[href^='javascript' i]")).isZero();
            assertThat(page.evaluate("document.querySelector('h1').textContent").asText())
                    .isEqualTo("XSS <script>window.__xss=1;alert(1)</script>\"><img src=x "
                            + "onerror=\"window.__xss=2;alert(2)\">");
            assertThat(page.evaluate("document.body.innerText.includes('javascript:window.__xss=3;alert(3)')")
                    .asBoolean()).isTrue();
            assertThat(problems(page)).isEmpty();
        }
    }

    @Test
    void theGameDayIndexLinksToEveryReportBesideIt() throws Exception {
        Path index = dir.resolve("gameday.html");
        Reports.writeHtml(Fixtures.paths(), index);

        try (DevToolsPage page = open(index)) {
            JsonNode links = page.evaluate("[...document.querySelectorAll('#experiments a')].map(a => a.href)");
            assertThat(links).hasSize(Fixtures.ALL.size());
            for (JsonNode link : links) {
                assertThat(link.asText()).startsWith("file://");
                assertThat(Path.of(java.net.URI.create(link.asText()))).exists().hasParent(dir);
            }
            assertThat(problems(page)).isEmpty();
            assertThat(requests(page)).hasSize(1);
            page.screenshot(SCREENSHOTS.resolve("gameday-index.png"), 1280);
        }
    }

    private static DevToolsPage open(Path report) throws Exception {
        DevToolsPage page = chromium.openPage();
        page.enable("Runtime", "Log", "Network", "Page");
        page.navigate(report.toUri().toString(), LOAD);
        return page;
    }

    private static int count(DevToolsPage page, String selector) {
        return page.evaluate("document.querySelectorAll(" + quote(selector) + ").length").asInt();
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** Console errors, uncaught exceptions and error log entries (CSP violations land there too). */
    private static List<String> problems(DevToolsPage page) {
        return page.events().stream().filter(HtmlReportChromiumIT::isProblem)
                .map(e -> e.method() + " " + e.params()).toList();
    }

    private static boolean isProblem(DevToolsConnection.Event e) {
        return switch (e.method()) {
            case "Runtime.exceptionThrown" -> true;
            case "Runtime.consoleAPICalled" -> e.params().path("type").asText().matches("error|assert|warning");
            case "Log.entryAdded" -> e.params().path("entry").path("level").asText().matches("error|warning");
            default -> false;
        };
    }

    private static List<String> requests(DevToolsPage page) {
        return page.events("Network.requestWillBeSent").stream()
                .map(e -> e.params().path("request").path("url").asText()).toList();
    }
}

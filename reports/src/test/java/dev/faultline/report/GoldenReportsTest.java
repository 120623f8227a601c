package dev.faultline.report;

import dev.faultline.journal.Journal;
import dev.faultline.report.html.HtmlIndex;
import dev.faultline.report.html.HtmlReport;
import dev.faultline.report.junit.JunitReport;
import dev.faultline.report.markdown.MarkdownSummary;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** Every renderer's whole output for every fixture journal, compared with reviewed golden files. */
class GoldenReportsTest {

    static final List<String> JOURNALS = Fixtures.ALL;

    @ParameterizedTest
    @FieldSource("JOURNALS")
    void htmlReportMatchesGolden(String name) throws IOException {
        Golden.assertMatches(HtmlReport.render(Fixtures.journal(name)), "html/" + name + ".html");
    }

    @ParameterizedTest
    @FieldSource("JOURNALS")
    void junitXmlMatchesGolden(String name) throws IOException {
        Golden.assertMatches(JunitReport.render(List.of(Fixtures.journal(name))), "junit/" + name + ".xml");
    }

    @ParameterizedTest
    @FieldSource("JOURNALS")
    void markdownMatchesGolden(String name) throws IOException {
        Golden.assertMatches(MarkdownSummary.render(List.of(Fixtures.journal(name))), "markdown/" + name + ".md");
    }

    @Test
    void gameDayReportsMatchGolden() throws IOException {
        List<Journal> journals = JOURNALS.stream().map(Fixtures::journal).toList();
        List<HtmlIndex.Entry> entries = new ArrayList<>();
        for (int i = 0; i < journals.size(); i++) {
            entries.add(new HtmlIndex.Entry(journals.get(i), "gameday-" + JOURNALS.get(i) + ".html"));
        }
        Golden.assertMatches(HtmlIndex.render("Game day: " + journals.size() + " experiments", entries),
                "html/gameday-index.html");
        Golden.assertMatches(JunitReport.render(journals), "junit/gameday.xml");
        Golden.assertMatches(MarkdownSummary.render(journals), "markdown/gameday.md");
    }
}

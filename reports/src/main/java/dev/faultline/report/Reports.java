package dev.faultline.report;

import dev.faultline.journal.Journal;
import dev.faultline.journal.JournalException;
import dev.faultline.journal.Journals;
import dev.faultline.report.html.HtmlIndex;
import dev.faultline.report.html.HtmlReport;
import dev.faultline.report.junit.JunitReport;
import dev.faultline.report.markdown.MarkdownSummary;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * What the CLI calls to turn journals into reports: one self-contained HTML page per run (plus an
 * index for a game day of several runs), JUnit XML for CI servers, and a Markdown summary for
 * {@code $GITHUB_STEP_SUMMARY}. Every method reads the journals itself; a file that is no journal
 * fails with a {@link JournalException} that names it, before anything is written.
 */
public final class Reports {

    private Reports() {
    }

    /**
     * Writes HTML reports. One journal: {@code out} is its report. Several: {@code out} is the
     * game-day index and each run's report is written beside it ({@code <out-stem>-01-<title>.html}, ...),
     * linked relatively, so the folder can be moved or zipped as a whole.
     *
     * @return the files written, the one at {@code out} first
     */
    public static List<Path> writeHtml(List<Path> journals, Path out) throws IOException {
        return writeHtmlReports(Journals.readAll(requireSome(journals)), out);
    }

    /** {@link #writeHtml} for journals already read. */
    public static List<Path> writeHtmlReports(List<Journal> journals, Path out) throws IOException {
        requireSome(journals);
        if (journals.size() == 1) {
            ReportFiles.write(out, HtmlReport.render(journals.get(0)));
            return List.of(out);
        }
        return index("Game day: " + journals.size() + " experiments", journals, List.of(), out);
    }

    /**
     * Writes a game day's index at {@code out}, each run's report beside it, and a row for every
     * experiment that did not run. Unlike {@link #writeHtml}, an index is written even for one run.
     *
     * @return the files written, the index first
     */
    public static List<Path> writeGameDay(String name, List<Path> journals, List<HtmlIndex.NotRun> notRun, Path out)
            throws IOException {
        return index("Game day: " + name, Journals.readAll(journals), notRun, out);
    }

    private static List<Path> index(String title, List<Journal> journals, List<HtmlIndex.NotRun> notRun, Path out)
            throws IOException {
        List<Path> written = new ArrayList<>();
        written.add(out);
        List<HtmlIndex.Entry> entries = new ArrayList<>();
        Path dir = out.toAbsolutePath().getParent();
        for (int i = 0; i < journals.size(); i++) {
            Journal journal = journals.get(i);
            String name = ReportFiles.experimentFile(out, i + 1, journal.title());
            Path file = dir.resolve(name);
            ReportFiles.write(file, HtmlReport.render(journal));
            written.add(file);
            entries.add(new HtmlIndex.Entry(journal, name));
        }
        ReportFiles.write(out, HtmlIndex.render(title, entries, notRun));
        return List.copyOf(written);
    }

    /** Writes one JUnit XML file with a {@code <testsuite>} per journal. */
    public static void writeJunit(List<Path> journals, Path out) throws IOException {
        ReportFiles.write(out, JunitReport.render(Journals.readAll(requireSome(journals))));
    }

    /** Writes the Markdown summary to {@code out}, replacing it. */
    public static void writeMarkdown(List<Path> journals, Path out) throws IOException {
        ReportFiles.write(out, MarkdownSummary.render(Journals.readAll(requireSome(journals))));
    }

    /**
     * Appends the Markdown summary to {@code out}, creating it if needed: the way to write to
     * {@code $GITHUB_STEP_SUMMARY}, which other steps of the job append to as well.
     */
    public static void appendMarkdown(List<Path> journals, Path out) throws IOException {
        String markdown = MarkdownSummary.render(Journals.readAll(requireSome(journals)));
        Files.writeString(out, markdown, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    private static <T> List<T> requireSome(List<T> journals) {
        if (journals == null || journals.isEmpty()) {
            throw new IllegalArgumentException("no journals given: pass at least one journal.json a run wrote");
        }
        return journals;
    }
}

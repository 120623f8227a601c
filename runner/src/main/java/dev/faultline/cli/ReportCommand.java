package dev.faultline.cli;

import dev.faultline.journal.JournalException;
import dev.faultline.report.Reports;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code faultline report JOURNAL... -o report.html}: HTML, JUnit XML and Markdown from journals. */
@Command(name = "report", description = "Render journals: a self-contained HTML report (an index for several), JUnit XML, Markdown.")
final class ReportCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "JOURNAL", description = "Journal files (Faultline or Chaos Toolkit).")
    List<Path> journals;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "HTML report (default: report.html); with several journals, the index, with each run's report beside it.")
    Path html;

    @Option(names = "--junit", paramLabel = "FILE", description = "Also write JUnit XML (one testsuite per journal).")
    Path junit;

    @Option(names = "--markdown", paramLabel = "FILE",
            description = "Also append a Markdown summary to FILE (e.g. \"$GITHUB_STEP_SUMMARY\").")
    Path markdown;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        try {
            List<Path> written = Reports.writeHtml(journals, html != null ? html : Path.of("report.html"));
            out.println("report: " + written.get(0).toAbsolutePath());
            if (junit != null) {
                Reports.writeJunit(journals, junit);
                out.println("junit: " + junit.toAbsolutePath());
            }
            if (markdown != null) {
                Reports.appendMarkdown(journals, markdown);
                out.println("markdown: " + markdown.toAbsolutePath());
            }
            return ExitCodes.OK;
        } catch (JournalException e) {
            spec.commandLine().getErr().println("faultline: " + e.getMessage());
            return ExitCodes.INVALID;
        }
    }
}

package dev.faultline.report;

import dev.faultline.journal.Journal;
import dev.faultline.journal.Journals;
import dev.faultline.report.html.HtmlReport;
import dev.faultline.report.junit.JunitReport;
import dev.faultline.report.markdown.MarkdownSummary;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Measures reading and rendering the journal of a long run (see {@link LargeJournal}): the first
 * render in a fresh JVM (what {@code faultline report} pays) and the median and worst of warm ones.
 * Run it with {@code bench/report-render.sh [seconds] [activities] [iterations]}.
 */
public final class ReportRenderBench {

    private ReportRenderBench() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 3600;
        int activities = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        int iterations = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        Path dir = Files.createTempDirectory("faultline-bench-");
        Path journalFile = dir.resolve("journal.json");
        LargeJournal.write(journalFile, seconds, activities);

        long coldStart = System.nanoTime();
        Journal cold = Journals.read(journalFile);
        String coldHtml = HtmlReport.render(cold);
        double coldMs = (System.nanoTime() - coldStart) / 1e6;

        double[] read = new double[iterations];
        double[] html = new double[iterations];
        double[] junit = new double[iterations];
        double[] markdown = new double[iterations];
        String junitXml = "";
        String md = "";
        for (int i = 0; i < iterations; i++) {
            long t0 = System.nanoTime();
            Journal journal = Journals.read(journalFile);
            read[i] = (System.nanoTime() - t0) / 1e6;
            html[i] = time(() -> HtmlReport.render(journal));
            long t1 = System.nanoTime();
            junitXml = JunitReport.render(List.of(journal));
            junit[i] = (System.nanoTime() - t1) / 1e6;
            long t2 = System.nanoTime();
            md = MarkdownSummary.render(List.of(journal));
            markdown[i] = (System.nanoTime() - t2) / 1e6;
        }
        System.out.printf(Locale.ROOT, "journal: %d s of samples, %d activities, %,d bytes%n", seconds, activities,
                Files.size(journalFile));
        System.out.printf(Locale.ROOT, "html: %,d bytes; junit: %,d bytes; markdown: %,d bytes%n",
                coldHtml.getBytes(StandardCharsets.UTF_8).length, junitXml.getBytes(StandardCharsets.UTF_8).length,
                md.getBytes(StandardCharsets.UTF_8).length);
        System.out.printf(Locale.ROOT, "cold read + html render (first in a fresh JVM): %.0f ms%n", coldMs);
        row("warm read journal", read);
        row("warm render html", html);
        row("warm render junit", junit);
        row("warm render markdown", markdown);
        Files.delete(journalFile);
        Files.delete(dir);
    }

    private static double time(Supplier<String> render) {
        long t0 = System.nanoTime();
        render.get();
        return (System.nanoTime() - t0) / 1e6;
    }

    private static void row(String what, double[] millis) {
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "%-22s median %6.1f ms, worst %6.1f ms (%d runs)%n", what,
                sorted[sorted.length / 2], sorted[sorted.length - 1], sorted.length);
    }
}

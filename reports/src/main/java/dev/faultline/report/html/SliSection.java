package dev.faultline.report.html;

import dev.faultline.journal.Sli;
import dev.faultline.report.Formats;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/** Latency percentiles and error ratio over the run, against the SLO, with the faults shaded behind. */
record SliSection() implements Section {

    @Override
    public String id() {
        return "sli";
    }

    @Override
    public String title() {
        return "Service-level indicators";
    }

    @Override
    public void render(Page page, Html html) {
        Sli sli = page.journal().sli().orElse(null);
        if (sli == null || sli.samples().isEmpty()) {
            Section.none(html, sli == null
                    ? "No SLI data: the run measured no service-level indicators (no load probe or Prometheus source)."
                    : "No SLI samples were recorded.");
            return;
        }
        html.open("p");
        page.text(html, String.format(Locale.ROOT, "%s measured by %s; %,d samples.", sli.target() == null
                ? "Service" : sli.target(), sli.source() == null ? "an unnamed source" : sli.source(),
                sli.samples().size()));
        if (sli.totals() != null) {
            html.text(" " + totals(sli.totals()));
        }
        html.close("p");
        List<LineChart.Threshold> latencySlo = new ArrayList<>();
        if (sli.slo() != null) {
            for (Map.Entry<String, Double> slo : sli.slo().latencyMs().entrySet()) {
                if (slo.getValue() != null) {
                    latencySlo.add(new LineChart.Threshold("SLO " + slo.getKey() + " " + Formats.number(slo.getValue())
                            + " ms", slo.getValue(), Svg.RED));
                }
            }
        }
        html.element("h3", "Latency");
        new LineChart("latency-chart", "Latency p50, p95 and p99 over the run, in milliseconds",
                v -> Formats.number((double) Math.round(v)) + " ms").draw(page, html, List.of(
                        series("p50", Svg.GREY, null, sli, Sli.Sample::p50Ms),
                        series("p95", Svg.BLUE, null, sli, Sli.Sample::p95Ms),
                        series("p99", Svg.PURPLE, "5 3", sli, Sli.Sample::p99Ms)), latencySlo);
        List<LineChart.Threshold> errorSlo = new ArrayList<>();
        if (sli.slo() != null && sli.slo().availability() != null) {
            errorSlo.add(new LineChart.Threshold("SLO: at most " + Formats.percent(1 - sli.slo().availability())
                    + " errors", (1 - sli.slo().availability()) * 100, Svg.RED));
        }
        html.element("h3", "Error ratio");
        new LineChart("error-chart", "Error ratio over the run, in percent", v -> Formats.number(round(v)) + "%")
                .draw(page, html, List.of(series("errors", Svg.RED, null, sli, SliSection::errorPercent)), errorSlo);
        html.open("p", "class", "legend");
        TimelineSection.swatch(html, "sw-fault", "fault active");
        TimelineSection.swatch(html, "sw-abort", "abort");
        html.close("p");
    }

    private static String totals(Sli.Totals totals) {
        String ratio = totals.requests() != null && totals.requests() > 0 && totals.errors() != null
                ? " (" + Formats.percent((double) totals.errors() / totals.requests()) + ")" : "";
        return String.format(Locale.ROOT, "Whole run: %s requests, %s errors%s; p50 %s ms, p95 %s ms, p99 %s ms.",
                totals.requests() == null ? "n/a" : String.format(Locale.ROOT, "%,d", totals.requests()),
                totals.errors() == null ? "n/a" : String.format(Locale.ROOT, "%,d", totals.errors()), ratio,
                Formats.number(totals.p50Ms()), Formats.number(totals.p95Ms()), Formats.number(totals.p99Ms()));
    }

    private static Double errorPercent(Sli.Sample sample) {
        if (sample.errorRatio() != null) {
            return sample.errorRatio() * 100;
        }
        if (sample.requests() != null && sample.requests() > 0 && sample.errors() != null) {
            return 100.0 * sample.errors() / sample.requests();
        }
        return null;
    }

    private static double round(double v) {
        return v >= 10 ? Math.round(v) : Math.round(v * 100) / 100.0;
    }

    private static LineChart.Series series(String name, String color, String dash, Sli sli,
            Function<Sli.Sample, Double> value) {
        List<Point> points = new ArrayList<>(sli.samples().size());
        for (Sli.Sample sample : sli.samples()) {
            Double v = value.apply(sample);
            Instant t = sample.t();
            if (t != null && v != null && !v.isNaN() && !v.isInfinite()) {
                points.add(new Point(t, v));
            }
        }
        return new LineChart.Series(name, color, dash, points);
    }
}

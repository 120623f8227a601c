package dev.faultline.report.html;

import dev.faultline.journal.Environment;
import dev.faultline.journal.Fault;
import dev.faultline.journal.FaultlineData;
import dev.faultline.journal.Journal;
import dev.faultline.report.Formats;
import java.util.LinkedHashSet;
import java.util.Set;

/** What ran, against what, when, for how long, and who ran it where. */
record SummarySection() implements Section {

    @Override
    public String id() {
        return "summary";
    }

    @Override
    public String title() {
        return "Summary";
    }

    @Override
    public void render(Page page, Html html) {
        Journal journal = page.journal();
        FaultlineData data = journal.faultline();
        Environment env = journal.environment();
        html.open("dl", "class", "facts two");
        // Two columns on wide screens: each line pairs what ran with when it ran.
        row(page, html, "Experiment", journal.title());
        row(page, html, "Started", journal.startedAt().map(Formats::utc).orElse(null));
        row(page, html, "Experiment file", data == null ? null : data.experimentFile());
        row(page, html, "Ended", journal.endedAt().map(Formats::utc).orElse(null));
        row(page, html, "Targets", targets(journal));
        row(page, html, "Duration", Formats.duration(journal.elapsed()));
        row(page, html, "Description", journal.experiment().description());
        row(page, html, "Run by", runBy(env, journal));
        row(page, html, "Command", env.command());
        row(page, html, "CI", env.ci());
        row(page, html, "Working directory", env.cwd());
        row(page, html, "Dry run", journal.dryRun().map(m -> "yes (--dry " + m + "): nothing was executed")
                .orElse(data == null ? null : "no"));
        row(page, html, "Tags", journal.experiment().tags().isEmpty() ? null
                : String.join(", ", journal.experiment().tags()));
        row(page, html, "Run id", data == null ? null : data.runId());
        row(page, html, "Runner", data == null ? "Chaos Toolkit " + journal.chaoslibVersion()
                : "Faultline " + data.version());
        row(page, html, "Platform", journal.platform());
        html.close("dl");
    }

    private static String targets(Journal journal) {
        Set<String> targets = new LinkedHashSet<>();
        journal.faults().stream().map(Fault::target).filter(t -> t != null && !t.isBlank()).forEach(targets::add);
        journal.sli().map(s -> s.target()).filter(t -> !t.isBlank()).ifPresent(t -> targets.add(t + " (SLIs)"));
        return targets.isEmpty() ? null : String.join("\n", targets);
    }

    private static String runBy(Environment env, Journal journal) {
        String host = env.host() != null ? env.host() : journal.node();
        if (env.user() == null && host == null) {
            return null;
        }
        return (env.user() == null ? "unknown user" : env.user()) + " on " + (host == null ? "unknown host" : host);
    }

    private static void row(Page page, Html html, String name, String value) {
        html.element("dt", name).open("dd");
        if (value == null || value.isBlank()) {
            html.element("span", "not recorded", "class", "muted");
        } else {
            page.text(html, value);
        }
        html.close("dd");
    }
}

package dev.faultline.report.html;

import dev.faultline.journal.Abort;
import dev.faultline.journal.Fault;
import dev.faultline.journal.Guards;
import dev.faultline.journal.Journal;
import dev.faultline.journal.Phase;
import dev.faultline.report.Formats;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The run on one time axis: phases, each fault from injection to undo, each guard's checks (breaches
 * in red), the activities, and the abort marker, so the order of events reads at a glance.
 */
record TimelineSection() implements Section {

    static final double TOP = 26;
    static final double LANE = 22;
    static final double GROUP = 18;
    /** Fault lanes drawn at most; the Faults section lists every fault. */
    static final int MAX_FAULT_LANES = 40;

    @Override
    public String id() {
        return "timeline";
    }

    @Override
    public String title() {
        return "Timeline";
    }

    @Override
    public void render(Page page, Html html) {
        Journal journal = page.journal();
        List<Phase> phases = PhaseSpan.of(journal);
        List<Fault> faults = journal.faults().subList(0, Math.min(MAX_FAULT_LANES, journal.faults().size()));
        int hiddenFaults = journal.faults().size() - faults.size();
        Guards guards = journal.guards().orElse(null);
        List<Guards.Definition> guardLanes = guards == null ? List.of() : GuardLane.lanes(guards);
        boolean activities = !journal.run().isEmpty() || !journal.rollbacks().isEmpty();
        if (phases.isEmpty() && faults.isEmpty() && guardLanes.isEmpty() && !activities) {
            Section.none(html, "No timing data: the journal records no phases, activities, faults or guard checks.");
            return;
        }
        int groups = (phases.isEmpty() ? 0 : 1) + (faults.isEmpty() ? 0 : 1) + (guardLanes.isEmpty() ? 0 : 1)
                + (activities ? 1 : 0);
        int lanes = phases.size() + faults.size() + (hiddenFaults > 0 ? 1 : 0) + guardLanes.size()
                + (activities ? 1 : 0);
        double bottom = TOP + groups * GROUP + lanes * LANE + 4;
        Svg.open(html, "timeline-chart", bottom + 6, "Timeline of the run: phases, faults, guard checks and abort");
        Svg.timeAxis(html, page.scale(), TOP, bottom);
        Lanes cursor = new Lanes(TOP);
        if (!phases.isEmpty()) {
            cursor.group(html, "Phases");
            phases.forEach(phase -> PhaseLane.draw(page, html, phase, cursor.next()));
        }
        if (activities) {
            cursor.group(html, "Activities");
            ActivityLane.draw(page, html, cursor.next());
        }
        if (!faults.isEmpty()) {
            cursor.group(html, "Faults");
            faults.forEach(fault -> FaultLane.draw(page, html, fault, cursor.next()));
            if (hiddenFaults > 0) {
                Svg.text(html, 14, cursor.next() + 15, "… and " + Formats.count(hiddenFaults, "more fault",
                        "more faults") + " (see Faults)", "start", Svg.MUTED, "lane-label");
            }
        }
        if (!guardLanes.isEmpty()) {
            cursor.group(html, "Guards");
            guardLanes.forEach(def -> GuardLane.draw(page, html, guards, def, cursor.next()));
        }
        journal.abort().ifPresent(abort -> abortMarker(page, html, abort, TOP, bottom));
        html.close("svg");
        legend(html, journal, !guardLanes.isEmpty());
    }

    /** The abort: a red line where the breach (or stop) was seen, shading until the last fault was undone. */
    static void abortMarker(Page page, Html html, Abort abort, double top, double bottom) {
        Instant at = abort.stopAt();
        if (at == null) {
            return;
        }
        double x = page.scale().x(at);
        String what = abort.byGuard() ? "abort: guard [" + abort.guard() + "] breached" : "stopped by " + abort.by();
        html.open("g", "id", "abort-marker", "class", "abort-marker");
        if (abort.lastFaultUndoneAt() != null) {
            double x2 = page.scale().x(abort.lastFaultUndoneAt());
            Svg.rect(html, x, top, Math.max(x2 - x, 2), bottom - top, Svg.RED, "abort-window",
                    page.redactor().scrub(what + " at " + page.offset(at) + "; last fault undone at "
                            + page.offset(abort.lastFaultUndoneAt())));
        }
        html.empty("line", "x1", Svg.n(x), "y1", Svg.n(top), "x2", Svg.n(x), "y2", Svg.n(bottom), "stroke", Svg.RED,
                "stroke-width", "2");
        boolean right = x < TimeScale.X1 - 150;
        Svg.text(html, right ? x + 4 : x - 4, top + 12, page.redactor().scrub((abort.byGuard() ? "abort " : "stop ")
                + page.offset(at)), right ? "start" : "end", Svg.RED, "abort-label");
        html.close("g");
    }

    /** Keys for what this timeline draws, and nothing else. */
    private static void legend(Html html, Journal journal, boolean guards) {
        html.open("p", "class", "legend");
        swatch(html, "sw-phase", "phase or activity");
        swatch(html, "sw-failed", "failed");
        if (journal.faults().stream().anyMatch(f -> !"irreversible".equals(f.undo().status()))) {
            swatch(html, "sw-fault", "fault active (injected to undone)");
        }
        if (journal.faults().stream().anyMatch(f -> "irreversible".equals(f.undo().status()))) {
            swatch(html, "sw-irreversible", "irreversible fault (nothing to undo)");
        }
        if (guards) {
            swatch(html, "sw-ok", "guard check ok");
            swatch(html, "sw-breach", "guard breach");
        }
        if (journal.abort().isPresent()) {
            swatch(html, "sw-abort", "abort or stop");
        }
        html.close("p");
    }

    static void swatch(Html html, String cls, String label) {
        html.open("span", "class", "key").element("i", "", "class", "sw " + cls).text(label).close("span");
    }

    /** Hands out lane positions top to bottom and writes group headings. */
    static final class Lanes {

        private double y;

        Lanes(double top) {
            this.y = top;
        }

        void group(Html html, String name) {
            Svg.text(html, 6, y + 13, name.toUpperCase(Locale.ROOT), "start", Svg.MUTED, "group");
            y += GROUP;
        }

        double next() {
            double lane = y;
            y += LANE;
            return lane;
        }
    }
}

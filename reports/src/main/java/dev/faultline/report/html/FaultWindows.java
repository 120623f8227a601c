package dev.faultline.report.html;

import dev.faultline.journal.Fault;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The time during which any fault was active, as the charts shade it: overlapping fault windows merge
 * into one, so overlaps do not darken and a run with hundreds of faults draws a handful of shapes.
 */
final class FaultWindows {

    private static final int IDS_NAMED = 5;

    private FaultWindows() {
    }

    /** One shaded span and the faults active in it. */
    record Window(double x1, double x2, List<String> ids) {

        String describe() {
            String named = String.join(", ", ids.subList(0, Math.min(IDS_NAMED, ids.size())));
            String more = ids.size() > IDS_NAMED ? " and " + (ids.size() - IDS_NAMED) + " more" : "";
            return (ids.size() == 1 ? "fault " : "faults ") + named + more + " active";
        }
    }

    /** Merged windows of the faults that have one (injected, and undone or never undone). */
    static List<Window> of(Page page) {
        List<Window> spans = new ArrayList<>();
        for (Fault fault : page.journal().faults()) {
            String status = fault.undo().status();
            if (fault.injectedAt() == null || "not-applied".equals(status) || "irreversible".equals(status)) {
                continue;
            }
            double x1 = page.scale().x(fault.injectedAt());
            double x2 = fault.undoneAt() == null ? TimeScale.X1 : page.scale().x(fault.undoneAt());
            spans.add(new Window(x1, Math.max(x2, x1 + 1), List.of(fault.id())));
        }
        spans.sort(Comparator.comparingDouble(Window::x1));
        List<Window> merged = new ArrayList<>();
        for (Window span : spans) {
            Window last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && span.x1() <= last.x2()) {
                List<String> ids = new ArrayList<>(last.ids());
                ids.addAll(span.ids());
                merged.set(merged.size() - 1, new Window(last.x1(), Math.max(last.x2(), span.x2()), List.copyOf(ids)));
            } else {
                merged.add(span);
            }
        }
        return merged;
    }

    /** Where irreversible faults struck, one mark per pixel column. */
    static List<Double> irreversibleMarks(Page page) {
        return page.journal().faults().stream()
                .filter(f -> f.injectedAt() != null && "irreversible".equals(f.undo().status()))
                .map(f -> (double) Math.round(page.scale().x(f.injectedAt()))).distinct().sorted().toList();
    }
}

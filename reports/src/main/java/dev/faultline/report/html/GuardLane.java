package dev.faultline.report.html;

import dev.faultline.journal.Guards;
import dev.faultline.report.Formats;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One guard's checks on the timeline: consecutive checks with the same result merge into one band,
 * green while ok and red while breached, so thousands of checks draw as a handful of shapes.
 */
final class GuardLane {

    private static final long DEFAULT_INTERVAL_MS = 1000;

    private GuardLane() {
    }

    /** One lane per defined guard, plus one for any guard that has checks but no definition. */
    static List<Guards.Definition> lanes(Guards guards) {
        Map<String, Guards.Definition> lanes = new LinkedHashMap<>();
        guards.definitions().forEach(d -> lanes.put(d.name(), d));
        guards.checks().stream().map(Guards.Check::guard).filter(Objects::nonNull).distinct()
                .forEach(name -> lanes.putIfAbsent(name, new Guards.Definition(name, null, null, null)));
        return List.copyOf(lanes.values());
    }

    static void draw(Page page, Html html, Guards guards, Guards.Definition guard, double y) {
        PhaseLane.label(page, html, guard.name(), y);
        List<Guards.Check> checks = guards.checks().stream()
                .filter(c -> guard.name().equals(c.guard()) && c.t() != null).toList();
        if (checks.isEmpty()) {
            Svg.text(html, TimeScale.X0 + 4, y + 15, "no checks recorded", "start", Svg.MUTED, "guard-note");
            return;
        }
        long interval = guards.intervalMs() == null || guards.intervalMs() <= 0 ? DEFAULT_INTERVAL_MS
                : guards.intervalMs();
        html.open("g", "class", "guard-lane");
        List<Band> bands = bands(checks, interval);
        for (Band band : bands) {
            double x1 = page.scale().x(band.from());
            double x2 = page.scale().x(band.to());
            double width = band.breach() ? Math.max(x2 - x1, 3) : Math.max(x2 - x1, 1);
            Svg.rect(html, x1, y + 6, width, 10, band.breach() ? Svg.RED : "#8ed1a0",
                    band.breach() ? "guard-breach" : "guard-ok", page.redactor().scrub(band.describe(page, guard)));
        }
        html.close("g");
    }

    private static List<Band> bands(List<Guards.Check> checks, long intervalMs) {
        List<Band> bands = new ArrayList<>();
        Band open = null;
        for (int i = 0; i < checks.size(); i++) {
            Guards.Check check = checks.get(i);
            Instant to = i + 1 < checks.size() ? checks.get(i + 1).t() : check.t().plusMillis(intervalMs);
            if (open != null && open.breach() == check.breach()) {
                open = open.extend(to, check);
            } else {
                if (open != null) {
                    bands.add(open);
                }
                open = new Band(check.t(), to, check.breach(), 1, check, check);
            }
        }
        bands.add(open);
        return bands;
    }

    /** A run of checks with the same result; {@code worst} is the check with the highest value. */
    private record Band(Instant from, Instant to, boolean breach, int checks, Guards.Check first,
            Guards.Check worst) {

        Band extend(Instant until, Guards.Check check) {
            boolean higher = check.value() != null && (worst.value() == null || check.value() > worst.value());
            return new Band(from, until, breach, checks + 1, first, higher ? check : worst);
        }

        String describe(Page page, Guards.Definition guard) {
            String peak = worst.value() == null ? "" : String.format("; highest %s (threshold %s)",
                    Formats.withUnit(worst.value(), guard.unit()), Formats.withUnit(worst.threshold(), guard.unit()));
            return (breach ? "BREACH: " : "ok: ") + Formats.count(checks, "check", "checks") + " from "
                    + page.offset(from) + peak;
        }
    }
}

package dev.faultline.cli;

import dev.faultline.engine.FaultTracker;
import dev.faultline.engine.Phase;
import dev.faultline.engine.RunListener;
import dev.faultline.engine.RunRecord;
import dev.faultline.engine.StopSignal;
import dev.faultline.experiment.Activity;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Progress on the console: one line per event, prefixed with the elapsed time. On a terminal a
 * status line (phase, current activity, elapsed) is redrawn below them; elsewhere (CI logs, pipes)
 * only plain lines are written. Colours follow NO_COLOR.
 */
final class ConsoleProgress implements RunListener, AutoCloseable {

    private final PrintWriter out;
    private final Clock clock;
    private final Instant start;
    private final boolean live;
    private final boolean color;
    private final ScheduledExecutorService ticker;
    private volatile String phase = "starting";
    private volatile String current = "";
    private volatile boolean statusShown;

    ConsoleProgress(PrintWriter out, Clock clock, boolean terminal) {
        this.out = out;
        this.clock = clock;
        this.start = clock.instant();
        this.live = terminal;
        this.color = terminal && System.getenv("NO_COLOR") == null && !"dumb".equals(System.getenv("TERM"));
        if (live) {
            ticker = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "faultline-progress");
                t.setDaemon(true);
                return t;
            });
            ticker.scheduleAtFixedRate(this::redraw, 250, 250, TimeUnit.MILLISECONDS);
        } else {
            ticker = null;
        }
    }

    static boolean onTerminal() {
        return System.console() != null && !"dumb".equals(System.getenv("TERM"));
    }

    @Override
    public void phaseStarted(Phase phase) {
        this.phase = phase.wireName();
        this.current = "";
        line(paint("1", "== " + phase.wireName()));
    }

    @Override
    public void activityStarted(Phase phase, Activity activity, String description) {
        current = activity.name() + " (" + description + ")";
        if (!live) {
            line("   > " + activity.type().wireName() + " [" + activity.name() + "] " + description);
        }
    }

    @Override
    public void activityFinished(RunRecord record) {
        current = "";
        String duration = String.format("%.2fs", record.duration().toMillis() / 1000.0);
        String mark = switch (record.status()) {
            case SUCCEEDED -> record.toleranceMet() == null || record.toleranceMet() ? paint("32", "ok  ") : paint("33", "MISS");
            case FAILED -> paint("31", "FAIL");
            case SKIPPED -> paint("2", "skip");
        };
        StringBuilder text = new StringBuilder("   " + mark + " " + record.activity().name() + " " + duration);
        if (record.toleranceDetail() != null) {
            text.append(" - ").append(record.toleranceDetail());
        }
        if (!record.exception().isEmpty() && record.toleranceDetail() == null) {
            text.append(" - ").append(String.join("; ", record.exception()));
        }
        line(text.toString());
    }

    @Override
    public void faultInjected(FaultTracker.Fault fault) {
        line("   " + paint("35", "+ fault") + " " + fault.plan().description()
                + (fault.plan().reversible() ? "" : " (irreversible)"));
    }

    @Override
    public void faultUndone(FaultTracker.Fault fault) {
        line("   " + paint("36", "- undone") + " " + fault.plan().description());
    }

    @Override
    public void stopping(StopSignal.Reason reason) {
        line(paint("31", "!! stopping: " + reason.summary()));
    }

    @Override
    public void runFinished(dev.faultline.engine.Outcome outcome) {
        close();
    }

    @Override
    public void note(String message) {
        line("   " + paint("2", message));
    }

    private synchronized void line(String text) {
        clearStatus();
        out.println(paint("2", "[" + elapsed() + "]") + " " + text);
        out.flush();
    }

    private synchronized void redraw() {
        String status = "[" + elapsed() + "] " + phase + (current.isEmpty() ? "" : ": " + current);
        out.print("\r\033[2K" + paint("2", status));
        out.flush();
        statusShown = true;
    }

    private void clearStatus() {
        if (statusShown) {
            out.print("\r\033[2K");
            statusShown = false;
        }
    }

    private String elapsed() {
        Duration d = Duration.between(start, clock.instant());
        return String.format("%02d:%02d.%d", d.toMinutes(), d.toSecondsPart(), d.toMillisPart() / 100);
    }

    private String paint(String code, String text) {
        return color ? "\033[" + code + "m" + text + "\033[0m" : text;
    }

    @Override
    public synchronized void close() {
        if (ticker != null) {
            ticker.shutdownNow();
        }
        clearStatus();
        out.flush();
    }
}

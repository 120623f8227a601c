package dev.faultline.cli;

import dev.faultline.engine.RunListener;
import dev.faultline.engine.StopSignal;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.function.Consumer;

/** The console pieces other commands share: progress display and signal handling. */
public final class Console {

    private Console() {
    }

    /** A progress display for one run; it stops its own redraw thread when the run finishes. */
    public static RunListener progress(PrintWriter out) {
        return new ConsoleProgress(out, Clock.systemUTC(), ConsoleProgress.onTerminal());
    }

    /** SIGINT and SIGTERM call {@code onStop} (once; later signals only say cleanup is in progress). */
    public static void signals(PrintWriter err, Consumer<StopSignal.Reason> onStop) {
        Signals.install(Clock.systemUTC(), err, () -> false, onStop);
    }
}

package dev.faultline.cli;

import dev.faultline.engine.RunListener;

import java.io.PrintWriter;
import java.time.Clock;

/** The progress display, for commands outside this package. */
public final class Console {

    private Console() {
    }

    /** A progress display for one run; it stops its own redraw thread when the run finishes. */
    public static RunListener progress(PrintWriter out) {
        return new ConsoleProgress(out, Clock.systemUTC(), ConsoleProgress.onTerminal());
    }
}

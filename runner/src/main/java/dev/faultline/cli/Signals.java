package dev.faultline.cli;

import dev.faultline.engine.StopSignal;
import sun.misc.Signal;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * Turns SIGINT and SIGTERM into a clean stop: the running activity is interrupted, every fault is
 * undone and rollbacks run before the process exits. Further signals only say that cleanup is in
 * progress: leaving faults behind is worse than waiting a few seconds.
 */
final class Signals {

    private Signals() {
    }

    /**
     * @param abortRequested whether a TERM comes from {@code faultline abort} rather than from outside
     */
    static void install(Clock clock, PrintWriter err, BooleanSupplier abortRequested, java.util.function.Consumer<StopSignal.Reason> onStop) {
        AtomicInteger count = new AtomicInteger();
        for (String name : new String[] {"INT", "TERM"}) {
            try {
                Signal.handle(new Signal(name), signal -> {
                    if (count.incrementAndGet() == 1) {
                        StopSignal.Reason reason = name.equals("TERM") && abortRequested.getAsBoolean()
                                ? StopSignal.Reason.abortCommand(clock.instant())
                                : StopSignal.Reason.signal("SIG" + name, clock.instant());
                        err.println();
                        err.println("faultline: " + reason.summary() + ": stopping, undoing faults and running rollbacks...");
                        err.flush();
                        onStop.accept(reason);
                    } else {
                        err.println("faultline: still cleaning up (undo and rollbacks are bounded by timeouts); please wait.");
                        err.flush();
                    }
                });
            } catch (IllegalArgumentException unsupported) {
                // Signal not available on this platform: the shutdown hook still undoes faults.
            }
        }
    }
}

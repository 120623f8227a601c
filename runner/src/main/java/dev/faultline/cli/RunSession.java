package dev.faultline.cli;

import dev.faultline.engine.StopSignal;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A command that runs experiments, as the rest of the machine sees it: registered for
 * {@code faultline abort}, and stopped cleanly by SIGINT/SIGTERM - the experiment running at that
 * moment is stopped (its faults undone) and nothing further starts.
 */
public final class RunSession implements AutoCloseable {

    private final RunRegistry registry = RunRegistry.standard();
    private final long pid = ProcessHandle.current().pid();
    private final AtomicReference<StopSignal> current = new AtomicReference<>();
    private final AtomicBoolean cancelled = new AtomicBoolean();

    private RunSession() {
    }

    /** Registers this process (described for {@code faultline abort}) and installs the signal handlers. */
    public static RunSession open(String description, PrintWriter err) throws IOException {
        RunSession session = new RunSession();
        session.registry.register(session.pid, description);
        Signals.install(Clock.systemUTC(), err, () -> session.registry.abortRequested(session.pid), reason -> {
            session.cancelled.set(true);
            StopSignal running = session.current.get();
            if (running != null) {
                running.request(reason);
            }
        });
        return session;
    }

    /** Where the running experiment publishes its stop signal. */
    public AtomicReference<StopSignal> current() {
        return current;
    }

    /** True once a signal or the kill switch asked everything to stop. */
    public boolean cancelled() {
        return cancelled.get();
    }

    /** A fresh stop signal for one run, already published (a signal that came first stops it at once). */
    public StopSignal stopSignal() {
        StopSignal stop = new StopSignal();
        current.set(stop);
        return stop;
    }

    @Override
    public void close() {
        registry.unregister(pid);
    }
}

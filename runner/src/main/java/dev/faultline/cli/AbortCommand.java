package dev.faultline.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code faultline abort}: the kill switch. Asks every Faultline run on this machine (or one pid)
 * to stop; each undoes its faults, runs its rollbacks and exits with code 3.
 */
@Command(name = "abort", description = "Kill switch: stop running Faultline runs on this machine; they undo every fault before exiting.")
final class AbortCommand implements Callable<Integer> {

    @Option(names = "--pid", paramLabel = "PID", description = "Only this run.")
    Long pid;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        RunRegistry registry = RunRegistry.standard();
        List<Long> running = registry.running();
        if (pid != null) {
            running = running.contains(pid) ? List.of(pid) : List.of();
        }
        if (running.isEmpty()) {
            out.println("no running Faultline run" + (pid == null ? "" : " with pid " + pid));
            return ExitCodes.OK;
        }
        for (long target : running) {
            registry.requestAbort(target);
            boolean sent = ProcessHandle.of(target).map(ProcessHandle::destroy).orElse(false);
            out.println((sent ? "abort requested: " : "could not signal: ") + "pid " + target + " " + registry.describe(target));
        }
        return ExitCodes.OK;
    }
}

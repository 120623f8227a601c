package dev.faultline.cli;

import dev.faultline.driver.Drivers;
import dev.faultline.ledger.FaultLedger;
import dev.faultline.ledger.LedgerEntry;
import dev.faultline.ledger.LedgerRollback;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code faultline rollback}: undoes every fault still open in the ledger (left by a crashed or
 * killed run). Faults of runs that are still alive are left alone unless {@code --force}.
 */
@Command(name = "rollback", description = "Undo faults left open by a crashed run, from the write-ahead fault ledger.")
final class RollbackCommand implements Callable<Integer> {

    @Option(names = "--ledger", paramLabel = "FILE", description = "Ledger to read (default: $FAULTLINE_LEDGER or ~/.faultline/ledger.jsonl).")
    Path ledger;

    @Option(names = "--list", description = "Only list open faults; undo nothing.")
    boolean list;

    @Option(names = "--force", description = "Also undo faults of runs whose process is still alive.")
    boolean force;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "15", description = "Budget per fault (default ${DEFAULT-VALUE}).")
    double timeout;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        FaultLedger faults = new FaultLedger(ledger == null ? FaultLedger.defaultPath() : ledger);
        List<LedgerEntry> open = faults.open();
        if (open.isEmpty()) {
            out.println("no open faults in " + faults.file());
            return ExitCodes.OK;
        }
        List<LedgerEntry> toUndo = new ArrayList<>();
        for (LedgerEntry entry : open) {
            boolean alive = entry.pid() != ProcessHandle.current().pid()
                    && ProcessHandle.of(entry.pid()).map(ProcessHandle::isAlive).orElse(false);
            out.println((alive ? "open (run pid " + entry.pid() + " still alive): " : "open: ") + entry.description()
                    + " on [" + entry.target() + "] since " + entry.at());
            if (!alive || force) {
                toUndo.add(entry);
            }
        }
        if (list) {
            return ExitCodes.OK;
        }
        List<String> failures = new LedgerRollback(faults, Drivers.standard(), Duration.ofMillis((long) (timeout * 1000)),
                Clock.systemUTC()).undo(toUndo, "rollback-command");
        failures.forEach(f -> err.println("faultline: " + f));
        int undone = toUndo.size() - failures.size();
        out.println("undone: " + undone + ", failed: " + failures.size() + ", left to live runs: " + (open.size() - toUndo.size()));
        return failures.isEmpty() ? ExitCodes.OK : ExitCodes.ERROR;
    }
}

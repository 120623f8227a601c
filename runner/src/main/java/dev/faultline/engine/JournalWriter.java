package dev.faultline.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.faultline.Version;
import dev.faultline.driver.Evidence;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Builds the journal (see docs/journal.md): Chaos Toolkit's keys with their meanings, plus
 * Faultline's own data under {@code faultline}. Secrets are masked last, over the whole tree.
 */
final class JournalWriter {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JournalWriter() {
    }

    static ObjectNode write(RunContext ctx, RunJournal journal, Outcome outcome, SafetyHook safety) {
        ObjectNode root = JSON.createObjectNode();
        root.put("chaoslib-version", "faultline-" + Version.current());
        root.put("platform", System.getProperty("os.name") + "-" + System.getProperty("os.version") + "-" + System.getProperty("os.arch"));
        root.put("node", Environment.host());
        root.set("experiment", ctx.experiment.document().deepCopy());
        root.put("start", Times.ctk(journal.start));
        root.put("end", Times.ctk(journal.end));
        root.put("duration", seconds(Duration.between(journal.start, journal.end)));
        root.put("status", outcome.ctkStatus());
        root.put("deviated", journal.deviated);
        ObjectNode steady = root.putObject("steady_states");
        steady.set("before", steadyState(journal.before));
        steady.set("after", steadyState(journal.after));
        ArrayNode during = steady.putArray("during");
        synchronized (journal.during) {
            journal.during.forEach(state -> during.add(steadyState(state)));
        }
        ArrayNode run = root.putArray("run");
        synchronized (journal.method) {
            journal.method.forEach(record -> run.add(runEntry(record)));
        }
        ArrayNode rollbacks = root.putArray("rollbacks");
        journal.rollbacks.forEach(record -> rollbacks.add(runEntry(record)));
        root.set("faultline", faultline(ctx, journal, outcome, safety));
        return new SecretMasker(ctx.secrets(), ctx.configuration().values()).mask(root);
    }

    private static ObjectNode faultline(RunContext ctx, RunJournal journal, Outcome outcome, SafetyHook safety) {
        ObjectNode f = JSON.createObjectNode();
        f.put("version", Version.current());
        f.put("run_id", ctx.runId);
        f.put("outcome", outcome.wireName());
        f.put("exit_code", outcome.exitCode());
        f.put("exit_meaning", outcome.meaning());
        f.put("experiment_file", ctx.experiment.source() == null ? null : ctx.experiment.source().toString());
        f.put("started_at", journal.start.toString());
        f.put("ended_at", journal.end.toString());
        f.set("environment", Environment.describe(ctx.options.command()));
        f.put("dry_run", ctx.options.dry() == null ? null : ctx.options.dry().wireName());
        if (journal.errorMessage == null) {
            f.putNull("error");
        } else {
            ObjectNode error = f.putObject("error");
            error.put("message", journal.errorMessage);
            error.put("phase", journal.errorPhase == null ? null : journal.errorPhase.wireName());
        }
        ArrayNode phases = f.putArray("phases");
        synchronized (journal.phases) {
            journal.phases.stream().sorted(java.util.Comparator.comparing(RunJournal.PhaseEntry::start)).forEach(p -> {
                ObjectNode phase = phases.addObject();
                phase.put("name", p.phase().wireName());
                phase.put("start", p.start().toString());
                phase.put("end", p.end().toString());
                phase.put("status", p.status());
            });
        }
        ArrayNode activities = f.putArray("activities");
        ctx.records.stream().sorted(java.util.Comparator.comparing(RunRecord::start)).forEach(r -> activities.add(activity(r)));
        ArrayNode faults = f.putArray("faults");
        ctx.faults.faults().forEach(fault -> faults.add(fault(fault)));
        ArrayNode planned = f.putArray("planned_targets");
        journal.planned.forEach(action -> {
            ObjectNode node = JSON.valueToTree(action.target());
            node.put("activity", action.activity());
            planned.add(node);
        });
        f.putNull("guards");
        f.set("abort", abort(ctx, journal, outcome));
        if (journal.refusals.isEmpty()) {
            f.putNull("refusal");
        } else {
            ArrayNode verdicts = f.putObject("refusal").putArray("verdicts");
            journal.refusals.forEach(r -> {
                ObjectNode verdict = verdicts.addObject();
                verdict.put("check", r.check());
                verdict.put("allowed", false);
                verdict.put("reason", r.reason());
            });
        }
        f.putNull("sli");
        f.putNull("budget");
        safety.journal(f);
        f.set("configuration", JSON.valueToTree(ctx.configuration().values()));
        return f;
    }

    private static JsonNode abort(RunContext ctx, RunJournal journal, Outcome outcome) {
        StopSignal.Reason reason = ctx.stop.reason();
        if (reason == null || reason.kind() == StopSignal.Reason.Kind.FAIL_FAST) {
            return JSON.nullNode();
        }
        ObjectNode abort = JSON.createObjectNode();
        abort.put("by", switch (reason.kind()) {
            case GUARD -> "guard";
            case SIGNAL -> "signal";
            default -> "abort-command";
        });
        abort.put("guard", reason.guard());
        abort.put("reason", reason.summary());
        if (reason.measured() == null) {
            abort.putNull("measured");
        } else {
            abort.put("measured", reason.measured());
        }
        if (reason.threshold() == null) {
            abort.putNull("threshold");
        } else {
            abort.put("threshold", reason.threshold());
        }
        abort.put("breach_detected_at", text(reason.breachDetectedAt()));
        abort.put("abort_started_at", text(journal.abortStartedAt));
        abort.put("last_fault_undone_at", text(ctx.faults.lastUndoneAt()));
        return abort;
    }

    private static JsonNode steadyState(SteadyState state) {
        if (state == null) {
            return JSON.nullNode();
        }
        ObjectNode node = JSON.createObjectNode();
        if (state.met() == null) {
            node.putNull("steady_state_met");
        } else {
            node.put("steady_state_met", state.met());
        }
        ArrayNode probes = node.putArray("probes");
        state.probes().forEach(probe -> probes.add(runEntry(probe)));
        return node;
    }

    static ObjectNode runEntry(RunRecord record) {
        ObjectNode entry = JSON.createObjectNode();
        entry.set("activity", record.activity().document().deepCopy());
        entry.set("output", JSON.valueToTree(record.output()));
        entry.put("status", record.status().wireName());
        entry.put("start", Times.ctk(record.start()));
        entry.put("end", Times.ctk(record.end()));
        entry.put("duration", seconds(record.duration()));
        if (!record.exception().isEmpty()) {
            ArrayNode exception = entry.putArray("exception");
            record.exception().forEach(exception::add);
        }
        if (record.toleranceMet() != null) {
            entry.put("tolerance_met", record.toleranceMet());
        }
        return entry;
    }

    private static ObjectNode activity(RunRecord r) {
        ObjectNode node = JSON.createObjectNode();
        node.put("phase", r.phase().wireName());
        node.put("name", r.activity().name());
        node.put("type", r.activity().type().wireName());
        node.put("provider", r.activity().provider().describe());
        node.put("status", r.status().wireName());
        node.put("start", r.start().toString());
        node.put("end", r.end().toString());
        node.put("duration", seconds(r.duration()));
        node.put("timed_out", r.timedOut());
        node.put("background", r.activity().background());
        if (r.activity().tolerance() != null) {
            node.put("tolerance", r.activity().tolerance().describe());
        }
        if (r.toleranceMet() != null) {
            node.put("tolerance_met", r.toleranceMet());
            node.put("tolerance_detail", r.toleranceDetail());
        }
        ArrayNode ids = node.putArray("fault_ids");
        r.faultIds().forEach(ids::add);
        return node;
    }

    private static ObjectNode fault(FaultTracker.Fault fault) {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", fault.id());
        node.put("driver", fault.plan().driver());
        node.put("kind", fault.plan().kind());
        node.put("target", fault.plan().target());
        node.put("description", fault.plan().description());
        node.put("activity", fault.activity());
        node.put("reversible", fault.plan().reversible());
        node.put("injected_at", fault.injectedAt().toString());
        node.put("undone_at", text(fault.undoneAt()));
        ObjectNode undo = node.putObject("undo");
        undo.put("status", fault.undoStatus().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        undo.put("by", fault.undoBy());
        undo.put("error", fault.undoError());
        ArrayNode evidence = node.putArray("evidence");
        List<Evidence> items = fault.evidence();
        List<Instant> at = fault.evidenceAt();
        for (int i = 0; i < items.size(); i++) {
            ObjectNode e = evidence.addObject();
            e.put("at", text(i < at.size() ? at.get(i) : null));
            e.put("check", items.get(i).check());
            e.put("ok", items.get(i).ok());
            e.set("observed", JSON.valueToTree(items.get(i).observed()));
        }
        return node;
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }
}

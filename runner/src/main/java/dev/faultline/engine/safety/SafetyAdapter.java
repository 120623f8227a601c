package dev.faultline.engine.safety;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.faultline.engine.PlannedAction;
import dev.faultline.engine.SafetyHook;
import dev.faultline.engine.StopSignal;
import dev.faultline.experiment.Control;
import dev.faultline.experiment.Experiment;
import dev.faultline.experiment.Safeguard;
import dev.faultline.experiment.SafetyBlocks;
import dev.faultline.experiment.Tolerance;
import dev.faultline.safety.SafetyJournal;
import dev.faultline.safety.SafetyRun;
import dev.faultline.safety.blast.PlannedFault;
import dev.faultline.safety.guard.Breach;
import dev.faultline.safety.guard.CustomGuard;
import dev.faultline.safety.preflight.PreflightReport;
import dev.faultline.safety.preflight.Verdict;
import dev.faultline.safety.spec.SafetySpec;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The engine's view of the safety module for one run: the experiment's {@code safety} block (merged
 * over a game day's), its Chaos Toolkit safeguards as guards, pre-flight verdicts on the planned
 * actions, guard breaches turned into an abort, and the safety sections of the journal.
 */
public final class SafetyAdapter implements SafetyHook {

    /** Safeguards without {@code frequency} or {@code background} run once, before the run; background ones once, alongside. */
    private static final Duration ONCE = Duration.ofDays(365);

    private final SafetyRun run;
    private final SafetyHook.Setup setup;
    private final List<Safeguard> preflightSafeguards;
    private volatile PreflightReport report;

    private SafetyAdapter(SafetyRun run, Setup setup, List<Safeguard> preflightSafeguards) {
        this.run = run;
        this.setup = setup;
        this.preflightSafeguards = preflightSafeguards;
    }

    /** The factory the engine uses: {@link SafetyHook#NONE} when the run has no safety block and no safeguards. */
    public static SafetyHook create(Setup setup) {
        Experiment experiment = setup.experiment();
        JsonNode block = SafetyBlocks.substituted(SafetyBlocks.effective(experiment.safety(), setup.options().safety()),
                setup.configuration().values());
        List<Safeguard> safeguards = new ArrayList<>();
        for (Control control : experiment.controls()) {
            safeguards.addAll(control.safeguards());
        }
        if (block == null && safeguards.isEmpty()) {
            return SafetyHook.NONE;
        }
        String source = experiment.source() == null ? "experiment" : experiment.source().toString();
        SafetySpec spec = SafetyBlocks.parse(block, source);
        SafetyRun.Builder builder = SafetyRun.builder(spec)
                .source(source)
                .baseDir(SafetyBlocks.baseDir(experiment, setup.options().safety()))
                .owner(setup.runId())
                .clock(setup.options().clock());
        setup.configuration().string("prometheus_base_url").map(URI::create).ifPresent(builder::prometheusFallback);
        if (setup.options().safety() != null && setup.options().safety().budgetSince() != null) {
            builder.budgetSince(setup.options().safety().budgetSince());
        }
        List<Safeguard> once = new ArrayList<>();
        for (Safeguard safeguard : safeguards) {
            if (safeguard.preflightOnly()) {
                once.add(safeguard);
            } else {
                Duration every = safeguard.frequencySeconds() == null ? ONCE
                        : Duration.ofMillis((long) (safeguard.frequencySeconds() * 1000));
                builder.guard(new CustomGuard("safeguard/" + safeguard.probe().name(),
                        "Chaos Toolkit safeguard probe [" + safeguard.probe().name() + "] "
                                + (safeguard.frequencySeconds() == null ? "checked once, in the background" : "every " + safeguard.frequencySeconds() + " s"),
                        now -> outcome(setup.probes().check(safeguard.probe()))), every);
            }
        }
        return new SafetyAdapter(builder.build(), setup, once);
    }

    private static CustomGuard.Outcome outcome(Tolerance.Check check) {
        return check.met() ? CustomGuard.Outcome.ok(check.detail()) : CustomGuard.Outcome.breach(check.detail());
    }

    @Override
    public List<Refusal> preflight(List<PlannedAction> actions) {
        List<Refusal> refusals = new ArrayList<>();
        for (Safeguard safeguard : preflightSafeguards) {
            try {
                Tolerance.Check check = setup.probes().check(safeguard.probe());
                if (!check.met()) {
                    refusals.add(new Refusal("safeguard", "safeguard " + check.detail()));
                }
            } catch (Exception e) {
                refusals.add(new Refusal("safeguard", "safeguard probe [" + safeguard.probe().name() + "] failed: " + e.getMessage()));
            }
        }
        List<PlannedFault> faults = actions.stream().map(SafetyAdapter::fault).toList();
        TreeSet<String> targets = new TreeSet<>();
        actions.forEach(a -> targets.add(a.target().target()));
        report = run.preflight(faults, refusals.isEmpty() ? targets : List.of());
        report.denials().forEach(v -> refusals.add(new Refusal(v.check(), v.reason())));
        return refusals;
    }

    private static PlannedFault fault(PlannedAction action) {
        var t = action.target();
        List<PlannedFault.TargetObject> objects = t.selected().stream()
                .map(r -> new PlannedFault.TargetObject(r.namespace(), r.name(), r.labels())).toList();
        return new PlannedFault(action.activity(), t.driver(), t.kind(), t.target(), t.namespace(), objects, t.eligible(),
                t.reversible(), null);
    }

    @Override
    public void start(StopSignal stop) {
        run.start(breach -> stop.request(reason(breach)));
    }

    private StopSignal.Reason reason(Breach breach) {
        return new StopSignal.Reason(StopSignal.Reason.Kind.GUARD, breach.reason(), breach.guard(), number(breach.measured()),
                number(breach.threshold()), breach.detectedAt(), setup.options().clock().instant());
    }

    private static Double number(double value) {
        return Double.isNaN(value) || Double.isInfinite(value) ? null : value;
    }

    @Override
    public void stop() {
        run.stop();
    }

    @Override
    public void journal(ObjectNode faultline) {
        SafetyJournal.Sections sections = run.journal();
        faultline.set("guards", sections.guards());
        faultline.set("sli", sections.sli());
        faultline.set("budget", sections.budget());
        // The engine journals every refusal; the checks that passed are added so the refused one is seen in context.
        if (report != null && faultline.path("refusal").path("verdicts").isArray()) {
            ArrayNode verdicts = (ArrayNode) faultline.path("refusal").path("verdicts");
            report.verdicts().stream().filter(Verdict::allowed).forEach(v -> verdicts.addObject()
                    .put("check", v.check()).put("allowed", true).put("reason", v.reason()));
        }
    }

    @Override
    public void close() {
        run.close();
    }
}

package dev.faultline.safety;

import dev.faultline.safety.blast.BlastRadiusPolicy;
import dev.faultline.safety.blast.PlannedFault;
import dev.faultline.safety.guard.Breach;
import dev.faultline.safety.guard.BudgetAllotmentGuard;
import dev.faultline.safety.guard.BreachListener;
import dev.faultline.safety.guard.Guard;
import dev.faultline.safety.guard.GuardMonitor;
import dev.faultline.safety.load.LoadProbe;
import dev.faultline.safety.preflight.AllowedWindowsCheck;
import dev.faultline.safety.preflight.PreflightCheck;
import dev.faultline.safety.preflight.PreflightReport;
import dev.faultline.safety.preflight.PrometheusReachableCheck;
import dev.faultline.safety.preflight.PrometheusRequirement;
import dev.faultline.safety.preflight.RemainingBudgetCheck;
import dev.faultline.safety.preflight.RunLock;
import dev.faultline.safety.preflight.RunLocks;
import dev.faultline.safety.preflight.Verdict;
import dev.faultline.safety.prometheus.PrometheusClient;
import dev.faultline.safety.prometheus.PrometheusSli;
import dev.faultline.safety.slo.Slo;
import dev.faultline.safety.slo.SloCatalog;
import dev.faultline.safety.spec.GuardsSpec;
import dev.faultline.safety.spec.SafetySpec;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything safety does for one run, in the order the engine needs it:
 * {@link #preflight} before anything is injected (time windows, Prometheus, remaining budget,
 * blast radius, target locks), {@link #start} when the method begins (load probe, then guards, with
 * the first check done before it returns), {@link #stop} when faults are undone, {@link #journal()}
 * for the journal's {@code guards}, {@code sli} and {@code budget} keys, and {@link #close()} to
 * release locks. Building it loads the SLOs and validates every guard, so configuration errors
 * surface before the run.
 */
public final class SafetyRun implements AutoCloseable {

    private final SafetySpec spec;
    private final String source;
    private final Clock clock;
    private final List<Slo> slos;
    private final PrometheusClient prometheus;
    private final LoadProbe load;
    private final BlastRadiusPolicy blastRadius;
    private final List<Extra> extras;
    private final String owner;
    private final Instant budgetSince;
    private List<Guard> guards;
    private boolean prometheusDown;
    private RemainingBudgetCheck budgetCheck;
    private RunLock lock;
    private GuardMonitor monitor;

    private record Extra(Guard guard, Duration every) {}

    private SafetyRun(Builder b) {
        this.spec = b.spec;
        this.source = b.source;
        this.clock = b.clock;
        this.owner = b.owner;
        this.slos = new SloCatalog(b.baseDir).resolve(spec.slos());
        URI url = spec.prometheus().orElse(b.prometheusFallback);
        this.prometheus = url == null ? null
                : PrometheusClient.create(url, PrometheusClient.DEFAULT_CONNECT_TIMEOUT, spec.prometheusTimeout());
        this.load = spec.load().map(l -> new LoadProbe(l.toConfig(), clock)).orElse(null);
        this.blastRadius = spec.blastRadius().protecting(b.ownNamespace);
        this.extras = List.copyOf(b.extras);
        this.budgetSince = b.budgetSince;
        this.guards = countingFrom(GuardFactory.build(spec, slos, prometheus, load, source, false));
    }

    private List<Guard> countingFrom(List<Guard> built) {
        if (budgetSince != null) {
            built.stream().filter(g -> g instanceof BudgetAllotmentGuard)
                    .forEach(g -> ((BudgetAllotmentGuard) g).countFrom(budgetSince));
        }
        return built;
    }

    public static Builder builder(SafetySpec spec) {
        return new Builder(spec);
    }

    public SafetySpec spec() {
        return spec;
    }

    public List<Slo> slos() {
        return slos;
    }

    public Optional<PrometheusClient> prometheus() {
        return Optional.ofNullable(prometheus);
    }

    public Optional<LoadProbe> load() {
        return Optional.ofNullable(load);
    }

    public BlastRadiusPolicy blastRadius() {
        return blastRadius;
    }

    /**
     * Runs every pre-flight check and the blast-radius policy on {@code plan}; when all allow, locks
     * {@code lockTargets} (kept until {@link #close()}). Nothing here injects anything.
     */
    public PreflightReport preflight(List<PlannedFault> plan, Collection<String> lockTargets) {
        Instant now = clock.instant();
        List<PreflightCheck> checks = new ArrayList<>();
        checks.add(new AllowedWindowsCheck(spec.preflight().allowedWindows()));
        boolean needsPrometheus = prometheus != null && slos.stream().anyMatch(PrometheusSli::supports);
        PrometheusReachableCheck reach = needsPrometheus
                ? new PrometheusReachableCheck(prometheus, spec.preflight().prometheus()) : null;
        if (reach != null) {
            checks.add(reach);
        }
        for (Slo slo : slos) {
            if (reach == null || !SliRouting.ratioKind(slo) || !PrometheusSli.supports(slo)) {
                continue;
            }
            RemainingBudgetCheck check = new RemainingBudgetCheck(PrometheusSli.of(prometheus, slo), slo.budget(),
                    spec.preflight().minRemainingBudget(), slo.name());
            if (budgetCheck == null) {
                budgetCheck = check;
            }
            PreflightCheck skipped = skipped(slo, spec.preflight().prometheus());
            // the reachability check runs first: without Prometheus the budget cannot be read at all
            checks.add(new PreflightCheck() {
                @Override
                public String name() {
                    return RemainingBudgetCheck.NAME;
                }

                @Override
                public Verdict evaluate(Instant at) {
                    return reach.reachable() ? check.evaluate(at) : skipped.evaluate(at);
                }
            });
        }
        PreflightReport report = PreflightReport.run(checks, now).plus(blastRadius.evaluate(plan));
        prometheusDown = reach != null && !reach.reachable();
        if (report.allowed() && spec.preflight().lock() && !lockTargets.isEmpty()) {
            RunLocks.Acquisition acquisition = new RunLocks(spec.preflight().lockDir()).acquire(lockTargets, owner, now);
            acquisition.lock().ifPresent(l -> lock = l);
            report = report.plus(List.of(acquisition.verdict()));
        }
        return report;
    }

    private static PreflightCheck skipped(Slo slo, PrometheusRequirement requirement) {
        return new PreflightCheck() {
            @Override
            public String name() {
                return RemainingBudgetCheck.NAME;
            }

            @Override
            public Verdict evaluate(Instant now) {
                String reason = "cannot tell the remaining budget of SLO [" + slo.name() + "]: Prometheus is unavailable";
                return requirement == PrometheusRequirement.OPTIONAL ? Verdict.allow(reason + " (optional, skipped)") : Verdict.deny(reason);
            }
        };
    }

    /**
     * Starts the load probe (if any), then the guard monitor; the first round of checks is done
     * before this returns, so an already-breached guard calls {@code listener} before any fault.
     */
    public synchronized void start(BreachListener listener) {
        if (load != null) {
            load.start();
        }
        if (prometheusDown && spec.preflight().prometheus() == PrometheusRequirement.OPTIONAL) {
            guards = countingFrom(GuardFactory.build(spec, slos, prometheus, load, source, true));
        }
        if (guards.isEmpty() && extras.isEmpty()) {
            return;
        }
        GuardMonitor.Builder b = GuardMonitor.builder().interval(spec.guardInterval()).clock(clock)
                .maxConsecutiveUnknown(spec.maxUnknown()).listener(listener).guards(guards);
        extras.forEach(e -> b.guard(e.guard(), e.every()));
        monitor = b.build();
        monitor.start();
    }

    /** Stops the guards and the load probe; their data stays readable. Idempotent. */
    public synchronized void stop() {
        if (monitor != null) {
            monitor.stop();
        }
        if (load != null) {
            load.stop();
        }
    }

    public Optional<Breach> breach() {
        return monitor == null ? Optional.empty() : monitor.breach();
    }

    public Optional<GuardMonitor> monitor() {
        return Optional.ofNullable(monitor);
    }

    /** The journal's {@code guards}, {@code sli} and {@code budget} values for this run. */
    public SafetyJournal.Sections journal() {
        return SafetyJournal.sections(monitor, guards, load, slos, budgetCheck);
    }

    /** Stops everything and releases target locks. */
    @Override
    public void close() {
        stop();
        if (lock != null) {
            lock.close();
            lock = null;
        }
    }

    /** Configures a {@link SafetyRun}. */
    public static final class Builder {
        private final SafetySpec spec;
        private String source = "experiment";
        private Path baseDir = Path.of("");
        private Clock clock = Clock.systemUTC();
        private URI prometheusFallback;
        private String ownNamespace;
        private String owner = "faultline";
        private final List<Extra> extras = new ArrayList<>();
        private Instant budgetSince;

        private Builder(SafetySpec spec) {
            this.spec = Objects.requireNonNull(spec, "spec");
        }

        /** The experiment file, for messages. */
        public Builder source(String value) {
            this.source = value;
            return this;
        }

        /** Folder SLO file paths are resolved against. */
        public Builder baseDir(Path value) {
            this.baseDir = value;
            return this;
        }

        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /** Prometheus to use when the block names none (the configuration's {@code prometheus_base_url}). */
        public Builder prometheusFallback(URI value) {
            this.prometheusFallback = value;
            return this;
        }

        /** The runner's own Kubernetes namespace, protected from faults. */
        public Builder ownNamespace(String value) {
            this.ownNamespace = value;
            return this;
        }

        /** Written into lock files, e.g. the run id and experiment file. */
        public Builder owner(String value) {
            this.owner = value;
            return this;
        }

        /** An extra guard, e.g. a Chaos Toolkit safeguard mapped by the runner; {@code every} null: every interval. */
        public Builder guard(Guard guard, Duration every) {
            extras.add(new Extra(guard, every));
            return this;
        }

        /** Budget-allotment guards count the budget used since {@code at} (a game day's start), not since the run's start. */
        public Builder budgetSince(Instant at) {
            this.budgetSince = at;
            return this;
        }

        /** @throws dev.faultline.safety.config.SafetyConfigException for SLO files or guards that cannot be used */
        public SafetyRun build() {
            return new SafetyRun(this);
        }
    }
}

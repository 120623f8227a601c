package dev.faultline.safety.spec;

import dev.faultline.safety.blast.BlastRadiusPolicy;
import dev.faultline.safety.guard.GuardMonitor;
import dev.faultline.safety.slo.SloRef;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An experiment's (or game day's) {@code safety:} block, parsed and validated by
 * {@link SafetySpecParser}. Immutable; every field has a conservative default.
 *
 * @param slos the SLOs the run is checked against
 * @param prometheus where SLO queries run; empty: the runner's {@code prometheus_base_url} or none
 * @param prometheusTimeout read timeout of each query made by guards and checks
 * @param guardInterval how often guards are evaluated (250 ms)
 * @param maxUnknown unknown guard checks in a row that count as a breach (fail closed); 0: never
 * @param guards which guards run, with their thresholds
 * @param preflight checks made before anything is injected
 * @param blastRadius caps on what the run may touch
 * @param load the steady-state load probe, if any
 */
public record SafetySpec(List<SloRef> slos, Optional<URI> prometheus, Duration prometheusTimeout, Duration guardInterval,
                         int maxUnknown, GuardsSpec guards, PreflightSpec preflight, BlastRadiusPolicy blastRadius,
                         Optional<LoadSpec> load) {

    public static final Duration DEFAULT_PROMETHEUS_TIMEOUT = Duration.ofSeconds(2);

    public SafetySpec {
        slos = List.copyOf(slos);
        Objects.requireNonNull(prometheus, "prometheus");
        Objects.requireNonNull(prometheusTimeout, "prometheusTimeout");
        Objects.requireNonNull(guardInterval, "guardInterval");
        Objects.requireNonNull(guards, "guards");
        Objects.requireNonNull(preflight, "preflight");
        Objects.requireNonNull(blastRadius, "blastRadius");
        Objects.requireNonNull(load, "load");
    }

    /** What applies to an experiment without a {@code safety:} block: no SLO guards, default policy. */
    public static SafetySpec defaults() {
        return new SafetySpec(List.of(), Optional.empty(), DEFAULT_PROMETHEUS_TIMEOUT, GuardMonitor.DEFAULT_INTERVAL,
                GuardMonitor.DEFAULT_MAX_CONSECUTIVE_UNKNOWN, GuardsSpec.none(), PreflightSpec.defaults(),
                BlastRadiusPolicy.defaults(), Optional.empty());
    }
}

package dev.faultline.journal;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A run journal: the Chaos Toolkit keys every journal has, and Faultline's own data when the run was
 * Faultline's ({@link #faultline()} is {@code null} for a plain Chaos Toolkit journal). Read one with
 * {@link Journals#read(Path)}.
 */
public record Journal(@JsonProperty("chaoslib-version") String chaoslibVersion, String platform, String node,
        ExperimentInfo experiment, Instant start, Instant end, Double duration, String status, boolean deviated,
        SteadyStates steadyStates, List<RunRecord> run, List<RunRecord> rollbacks, FaultlineData faultline,
        @JsonIgnore Path source) {

    public Journal {
        experiment = experiment == null ? ExperimentInfo.empty() : experiment;
        steadyStates = steadyStates == null ? SteadyStates.none() : steadyStates;
        run = Lists.copy(run);
        rollbacks = Lists.copy(rollbacks);
    }

    /** This journal as read from {@code file}. */
    public Journal withSource(Path file) {
        return new Journal(chaoslibVersion, platform, node, experiment, start, end, duration, status, deviated,
                steadyStates, run, rollbacks, faultline, file);
    }

    /** Faultline's data, when the runner was Faultline. */
    public Optional<FaultlineData> faultlineData() {
        return Optional.ofNullable(faultline);
    }

    /** The outcome Faultline recorded or, for a Chaos Toolkit journal, the one its status and deviated keys imply. */
    public Outcome outcome() {
        return faultlineData().flatMap(f -> Outcome.ofLabel(f.outcome()))
                .orElseGet(() -> Outcome.fromChaosToolkit(status, deviated, steadyStates.before()));
    }

    /** The exit code Faultline gave the run (or would give it, for a Chaos Toolkit journal). */
    public int exitCode() {
        return faultlineData().map(FaultlineData::exitCode).orElse(outcome().exitCode());
    }

    public String exitMeaning() {
        return faultlineData().map(FaultlineData::exitMeaning).filter(m -> !m.isBlank())
                .orElse(outcome().meaning());
    }

    /** The experiment's title, else the journal's file name, else a placeholder. */
    public String title() {
        if (experiment.title() != null && !experiment.title().isBlank()) {
            return experiment.title();
        }
        return source == null ? "(untitled experiment)" : String.valueOf(source.getFileName());
    }

    /** When the run started: Faultline's instant, else the Chaos Toolkit start. */
    public Optional<Instant> startedAt() {
        return faultlineData().map(FaultlineData::startedAt).or(() -> Optional.ofNullable(start));
    }

    public Optional<Instant> endedAt() {
        return faultlineData().map(FaultlineData::endedAt).or(() -> Optional.ofNullable(end));
    }

    /** The run's length: the journaled duration, else end minus start, else zero. */
    public Duration elapsed() {
        if (duration != null) {
            return Duration.ofNanos(Math.round(duration * 1e9));
        }
        Optional<Instant> from = startedAt();
        Optional<Instant> to = endedAt();
        return from.isPresent() && to.isPresent() ? Duration.between(from.get(), to.get()) : Duration.ZERO;
    }

    public List<Fault> faults() {
        return faultlineData().map(FaultlineData::faults).orElse(List.of());
    }

    public Optional<Abort> abort() {
        return faultlineData().map(FaultlineData::abort);
    }

    public Optional<Refusal> refusal() {
        return faultlineData().map(FaultlineData::refusal);
    }

    public Optional<Guards> guards() {
        return faultlineData().map(FaultlineData::guards);
    }

    public Optional<Sli> sli() {
        return faultlineData().map(FaultlineData::sli);
    }

    public Optional<Budget> budget() {
        return faultlineData().map(FaultlineData::budget);
    }

    public Optional<RunError> error() {
        return faultlineData().map(FaultlineData::error);
    }

    public Environment environment() {
        return faultlineData().map(FaultlineData::environment).orElse(Environment.unknown());
    }

    /** The {@code --dry} mode the run used, if it was a dry run. */
    public Optional<String> dryRun() {
        return faultlineData().map(FaultlineData::dryRun).filter(mode -> !mode.isBlank());
    }
}

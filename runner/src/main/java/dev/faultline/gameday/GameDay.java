package dev.faultline.gameday;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A game day: experiments run in order against one system, sharing configuration, secrets and
 * safety, with a rule for what to do after a deviation or an abort. See docs/gamedays.md.
 *
 * @param configuration values every experiment gets (an experiment's own {@code vars} win)
 * @param safety the shared {@code safety} block, or {@code null}
 * @param schedule cron expression the CI and Kubernetes templates use, or {@code null}
 */
public record GameDay(Path file, String name, String description, Map<String, Object> configuration,
                      Map<String, Map<String, Object>> secrets, JsonNode safety, List<Entry> experiments,
                      Continuation onDeviation, Continuation onAbort, String schedule) {

    /** What to do with the rest of the game day after an experiment deviates or aborts. */
    public enum Continuation { CONTINUE, STOP }

    /**
     * One experiment of the game day.
     *
     * @param vars configuration values for this experiment only
     * @param expect the outcome the team expects ({@code held}, {@code deviated}, ...), or {@code null}
     */
    public record Entry(Path path, Map<String, Object> vars, String expect) {
        public Entry {
            vars = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(vars));
        }
    }

    public GameDay {
        configuration = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(configuration));
        secrets = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(secrets));
        experiments = List.copyOf(experiments);
    }
}

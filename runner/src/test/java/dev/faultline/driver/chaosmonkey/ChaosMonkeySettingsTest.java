package dev.faultline.driver.chaosmonkey;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ChaosMonkeySettingsTest {

    private static final Map<String, Object> DEFAULTS = Map.of(
            "level", 1, "deterministic", false, "latencyActive", false, "latencyRangeStart", 1000, "latencyRangeEnd", 3000,
            "exceptionsActive", false, "exception", Map.of("type", "java.lang.RuntimeException", "method", "<init>"),
            "killApplicationActive", false, "memoryActive", false, "cpuActive", false);

    @Test
    void remembersTheOldValueOfEveryFieldAChangeSetsAndNothingElse() {
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("latencyActive", true);
        change.put("latencyRangeStart", 800);
        change.put("ignoredByTheMonkey", null);

        assertThat(MonkeySettings.previousValues(change, DEFAULTS))
                .containsExactly(Map.entry("latencyActive", false), Map.entry("latencyRangeStart", 1000));
    }

    @Test
    void readBackComparesNumbersBooleansAndNestedObjectsByValue() {
        Map<String, Object> requested = Map.of("latencyRangeStart", "1000", "level", 1.0, "exceptionsActive", "false",
                "exception", Map.of("type", "java.lang.RuntimeException"));

        assertThat(MonkeySettings.mismatches(requested, DEFAULTS)).isEmpty();
    }

    @Test
    void readBackNamesMisspeltFieldsAndValuesThatDidNotStick() {
        List<String> problems = MonkeySettings.mismatches(
                Map.of("latencyActiv", true, "level", 5, "exception", Map.of("type", "java.io.IOException")), DEFAULTS);

        assertThat(problems).hasSize(3);
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("field [latencyActiv] is not a setting of this Chaos Monkey"));
        assertThat(problems).anySatisfy(p -> assertThat(p).isEqualTo("field [level] was set to [5] but reads [1]"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("field [exception] was set to"));
    }

    @Test
    void describesActiveAssaultsAndWhichRequestsTheyHit() {
        Map<String, Object> settings = new LinkedHashMap<>(DEFAULTS);
        settings.putAll(Map.of("latencyActive", true, "latencyRangeStart", 800, "latencyRangeEnd", 900,
                "exceptionsActive", true, "memoryActive", true, "level", 5));

        assertThat(MonkeySettings.activeAssaults(settings))
                .containsExactly("latency 800-900 ms", "exceptions (java.lang.RuntimeException)", "memory");
        assertThat(MonkeySettings.activeRuntimeAssaults(settings)).containsExactly("memory");
        assertThat(MonkeySettings.reach(settings)).isEqualTo("1 in 5 requests");
        settings.put("deterministic", true);
        assertThat(MonkeySettings.reach(settings)).isEqualTo("every request number divisible by 5");
        assertThat(MonkeySettings.activeAssaults(DEFAULTS)).isEmpty();
    }

    @Test
    void listsWatchersThatAreOn() {
        Map<String, Object> watchers = new LinkedHashMap<>();
        watchers.put("controller", false);
        watchers.put("restController", true);
        watchers.put("beans", List.of("stockCatalog"));
        watchers.put("excludeClasses", List.of());

        assertThat(MonkeySettings.activeWatchers(watchers)).containsExactly("restController", "beans [stockCatalog]");
    }
}

package dev.faultline.driver.chaosmonkey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.faultline.driver.ActivityFailedException;
import dev.faultline.driver.RecordingFaults;
import dev.faultline.driver.TestInvocation;
import dev.faultline.driver.UndoContext;
import dev.faultline.testkit.DemoService;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The driver against the real inventory demo service (Spring Boot 3.5, Chaos Monkey for Spring
 * Boot 3.3) started from its jar: assaults really break or slow the stock API, and undo really
 * brings it back; runtime attacks really load the CPU, run the memory assault and kill the
 * application, and an attack that would outlast the activity is refused before it starts.
 */
class ChaosMonkeyDriverIT {

    private static final Duration LATENCY = Duration.ofMillis(800);
    private static final long CPU_HOLD_MS = 2_000;
    private static final long MEMORY_HOLD_MS = 1_500;

    private static DemoService inventory;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final ChaosMonkeyDriver driver = new ChaosMonkeyDriver();
    private final RecordingFaults faults = new RecordingFaults();

    @BeforeAll
    static void startInventory() {
        inventory = DemoService.inventory().start();
    }

    @AfterAll
    static void stopInventory() {
        if (inventory != null) {
            inventory.close();
        }
    }

    @AfterEach
    void undoWhateverATestLeft() throws Exception {
        faults.undoAll(driver);
        call("chaos-monkey/disable", Map.of());
    }

    @Test
    void exceptionAssaultThroughChaosToolkitFunctionsFailsEveryRequestUntilUndone() throws Exception {
        assertThat(call("chaosspring.probes.chaosmonkey_enabled", Map.of())).isEqualTo(false);

        Map<String, Object> exception = Map.of("type", "java.lang.IllegalStateException",
                "arguments", List.of(Map.of("type", "java.lang.String", "value", "injected by the driver test")));
        Object changed = call("chaosspring.actions.change_assaults_configuration",
                Map.of("assaults_configuration", Map.of("level", 1, "exceptionsActive", true, "exception", exception)));
        assertThat(changed).isEqualTo("Assault config has changed");
        assertThat(stock().statusCode()).as("assaults wait for the monkey to be enabled").isEqualTo(200);

        call("chaosspring.actions.enable_chaosmonkey", Map.of());
        assertThat(call("chaosspring.probes.chaosmonkey_enabled", Map.of())).isEqualTo(true);
        for (int i = 0; i < 5; i++) {
            assertThat(stock().statusCode()).as("request %d under the exception assault", i).isEqualTo(500);
        }
        assertThat(faults.injected()).extracting(r -> r.plan().kind()).containsExactly("assault", "monkey-enabled");
        assertThat(faults.injected()).allSatisfy(r -> assertThat(r.evidence().ok()).isTrue());
        assertThat(faults.injected().get(0).evidence().observed()).isEqualTo(Map.of(
                "enabled", false, "active_assaults", List.of("exceptions (java.lang.IllegalStateException)"),
                "reach", "1 in 1 requests", "watchers", List.of("restController")));

        List<RecordingFaults.Recorded> undone = faults.injected();
        faults.undoAll(driver);

        assertThat(call("chaosspring.probes.chaosmonkey_enabled", Map.of())).isEqualTo(false);
        assertThat(assaults()).containsEntry("exceptionsActive", false);
        assertThat(map(assaults().get("exception"))).containsEntry("type", "java.lang.RuntimeException");
        for (int i = 0; i < 5; i++) {
            assertThat(stock().statusCode()).as("request %d after undo", i).isEqualTo(200);
        }
        for (RecordingFaults.Recorded again : undone) {
            driver.undo(again.plan().undo(), UndoContext.defaults());
        }
        assertThat(call("chaosspring.probes.chaosmonkey_enabled", Map.of())).as("undo is idempotent").isEqualTo(false);
    }

    @Test
    void latencyAssaultThroughTheNativeFunctionSlowsEveryRequestUntilUndone() throws Exception {
        Map<String, Object> assault = Map.of("level", 1, "latencyActive", true,
                "latencyRangeStart", LATENCY.toMillis(), "latencyRangeEnd", LATENCY.toMillis());

        Object output = call("chaos-monkey/assault", Map.of("assaults", assault));

        assertThat(output).isEqualTo(Map.of("enabled", true, "active_assaults", List.of("latency 800-800 ms"),
                "reach", "1 in 1 requests", "watchers", List.of("restController")));
        for (int i = 0; i < 3; i++) {
            Timed slow = timedStock();
            assertThat(slow.status()).isEqualTo(200);
            assertThat(slow.took()).as("request %d under the latency assault", i).isGreaterThanOrEqualTo(LATENCY.minusMillis(50));
        }
        assertThat(faults.injected()).singleElement().satisfies(r -> {
            assertThat(r.plan().undo().args()).containsEntry("disable", true)
                    .containsEntry("assaults", Map.of("level", 1, "latencyActive", false, "latencyRangeStart", 1000, "latencyRangeEnd", 3000));
            assertThat(r.plan().description()).contains("latency 800-800 ms on 1 in 1 requests");
        });

        faults.undoAll(driver);

        assertThat(map(call("chaos-monkey/status", Map.of()))).containsEntry("enabled", false);
        assertThat(assaults()).containsEntry("latencyActive", false).containsEntry("latencyRangeStart", 1000).containsEntry("latencyRangeEnd", 3000);
        for (int i = 0; i < 3; i++) {
            Timed healthy = timedStock();
            assertThat(healthy.status()).isEqualTo(200);
            assertThat(healthy.took()).as("request %d after undo", i).isLessThan(LATENCY.minusMillis(100));
        }
    }

    @Test
    void watchersDecideWhereAssaultsHitAndAreRestoredByUndo() throws Exception {
        call("chaos-monkey/watchers", Map.of("watchers", Map.of("restController", false)));
        call("chaos-monkey/assault", Map.of("assaults", Map.of("exceptionsActive", true)));
        assertThat(stock().statusCode()).as("no watcher on the stock API").isEqualTo(200);

        faults.undoAll(driver);

        assertThat(map(call("chaos-monkey/watchers-config", Map.of()))).containsEntry("restController", true);
        assertThat(call("chaosspring.probes.chaosmonkey_enabled", Map.of())).isEqualTo(false);
    }

    @Test
    void aMisspeltAssaultFieldFailsTheActivityAndWhatWasAppliedIsStillUndone() throws Exception {
        assertThatThrownBy(() -> call("chaos-monkey/assault", Map.of("assaults", Map.of("latencyActiv", true))))
                .isInstanceOf(ActivityFailedException.class)
                .hasMessageContaining("field [latencyActiv] is not a setting of this Chaos Monkey");
        assertThat(faults.injected()).singleElement().satisfies(r -> assertThat(r.evidence().ok()).isFalse());
        assertThat(call("chaosspring.probes.chaosmonkey_enabled", Map.of())).as("the enable went through").isEqualTo(true);

        faults.undoAll(driver);

        assertThat(call("chaosspring.probes.chaosmonkey_enabled", Map.of())).isEqualTo(false);
    }

    @Test
    void settingsTheMonkeyRejectsFailWithItsAnswer() {
        assertThatThrownBy(() -> call("chaosspring.actions.change_assaults_configuration",
                Map.of("assaults_configuration", Map.of("level", 0))))
                .isInstanceOf(ActivityFailedException.class)
                .hasMessageContaining("answered [400]")
                .hasMessageContaining("level 1..10000");
    }

    @Test
    void aRuntimeAttackIsRefusedWhileTheMonkeyIsDisabled() {
        assertThatThrownBy(() -> call("chaos-monkey/attack", Map.of()))
                .isInstanceOf(ActivityFailedException.class)
                .hasMessageContaining("is disabled, so a runtime attack would do nothing");
        assertThat(faults.irreversibleFaults()).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void cpuAttackLoadsTheApplicationsCpuForTheHoldTimeAndIsJournaledAsIrreversible() throws Exception {
        callOn(inventory, "chaos-monkey/assault", Map.of("assaults",
                Map.of("cpuActive", true, "cpuMillisecondsHoldLoad", CPU_HOLD_MS, "cpuLoadTargetFraction", 0.8)));
        Duration cpuBefore = cpuTime(inventory);

        Map<String, Object> output = (Map<String, Object>) callOn(inventory, "chaos-monkey/attack", Map.of());

        Duration used = cpuTime(inventory).minus(cpuBefore);
        assertThat(output.get("started")).isEqualTo(List.of("cpu"));
        assertThat((Long) output.get("answered_after_ms")).as("the actuator answers once the load has been held")
                .isGreaterThanOrEqualTo(CPU_HOLD_MS);
        assertThat(used).as("CPU the application used during a %d ms CPU assault", CPU_HOLD_MS)
                .isGreaterThanOrEqualTo(Duration.ofMillis(CPU_HOLD_MS / 4));
        assertThat(faults.irreversibleFaults()).singleElement().satisfies(r -> {
            assertThat(r.plan().kind()).isEqualTo(AttackAction.KIND);
            assertThat(r.plan().undo()).isNull();
            assertThat(r.evidence().ok()).isTrue();
            assertThat(r.startedAgo()).as("the attack is dated from its start, not from the answer")
                    .isGreaterThanOrEqualTo(Duration.ofMillis(CPU_HOLD_MS));
        });

        faults.undoAll(driver);
        assertThat(callOn(inventory, "chaos-monkey/assaults", Map.of())).asInstanceOf(InstanceOfAssertFactories.MAP)
                .containsEntry("cpuActive", false);
    }

    @Test
    @SuppressWarnings("unchecked")
    void memoryAttackRunsInTheApplicationAndAnswersAfterTheHold() throws Exception {
        callOn(inventory, "chaos-monkey/assault", Map.of("assaults", Map.of("memoryActive", true,
                "memoryMillisecondsHoldFilledMemory", MEMORY_HOLD_MS, "memoryMillisecondsWaitNextIncrease", 100,
                "memoryFillIncrementFraction", 0.5, "memoryFillTargetFraction", 0.7)));
        double before = metric(inventory, "chaos_monkey_assault_memory_count_total");

        Map<String, Object> output = (Map<String, Object>) callOn(inventory, "chaos-monkey/attack", Map.of());

        assertThat(metric(inventory, "chaos_monkey_assault_memory_count_total")).as("memory assaults Chaos Monkey ran")
                .isEqualTo(before + 1);
        assertThat(output.get("started")).isEqualTo(List.of("memory"));
        assertThat((Long) output.get("answered_after_ms")).isGreaterThanOrEqualTo(MEMORY_HOLD_MS);
        assertThat(faults.irreversibleFaults()).singleElement().satisfies(r -> assertThat(r.evidence().ok()).isTrue());
    }

    @Test
    void anAttackThatWouldOutlastTheActivityIsRefusedBeforeItStarts() throws Exception {
        callOn(inventory, "chaos-monkey/assault", Map.of("assaults", Map.of("cpuActive", true, "cpuMillisecondsHoldLoad", 90_000)));
        double before = metric(inventory, "chaos_monkey_assault_cpu_count_total");

        assertThatThrownBy(() -> callOn(inventory, "chaos-monkey/attack", Map.of()))
                .isInstanceOf(ActivityFailedException.class)
                .hasMessageContaining("hold for 90000 ms")
                .hasMessageContaining("longer `timeout`")
                .hasMessageContaining("Nothing was started");

        assertThat(faults.irreversibleFaults()).isEmpty();
        assertThat(metric(inventory, "chaos_monkey_assault_cpu_count_total")).as("CPU assaults Chaos Monkey ran").isEqualTo(before);
    }

    @Test
    @SuppressWarnings("unchecked")
    void killAttackStopsTheApplicationAndTheDriverSeesItGo() throws Exception {
        try (DemoService victim = DemoService.inventory().start()) {
            // The kill takes the settings with it: nothing of the set-up is left to undo.
            callOn(victim, "chaos-monkey/assault", Map.of("assaults", Map.of("killApplicationActive", true)), new RecordingFaults());

            Map<String, Object> output = (Map<String, Object>) callOn(victim, "chaos-monkey/attack", Map.of());

            assertThat(output.get("started")).isEqualTo(List.of(AttackAction.KILL));
            assertThat(output.get("stopped_after_ms")).isInstanceOf(Long.class);
            assertThat(faults.irreversibleFaults()).singleElement().satisfies(r -> {
                assertThat(r.evidence().ok()).isTrue();
                assertThat(r.evidence().check()).contains("stopped accepting connections");
            });
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (victim.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(victim.isAlive()).as("the killed application's process").isFalse();
        }
    }

    /** A call without a {@code timeout} argument: the invocation's own 10 s budget applies. */
    private Object callOn(DemoService target, String function, Map<String, Object> args) throws Exception {
        return callOn(target, function, args, faults);
    }

    private Object callOn(DemoService target, String function, Map<String, Object> args, RecordingFaults recording) throws Exception {
        Map<String, Object> withTarget = new LinkedHashMap<>(args);
        withTarget.put("base_url", target.actuatorUrl());
        return TestInvocation.call(TestInvocation.function(driver, function), withTarget, Map.of(), recording);
    }

    private static Duration cpuTime(DemoService service) {
        return ProcessHandle.of(service.pid()).orElseThrow().info().totalCpuDuration()
                .orElseThrow(() -> new AssertionError("this platform does not report a process's CPU time"));
    }

    /** A counter from the application's Prometheus endpoint (0 before Chaos Monkey first counts it). */
    private static double metric(DemoService service, String name) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(service.uri("/actuator/prometheus"))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "\\{[^}]*} (\\S+)$").matcher(response.body());
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    private Object call(String function, Map<String, Object> args) throws Exception {
        Map<String, Object> withTarget = new LinkedHashMap<>(args);
        withTarget.put("base_url", inventory.actuatorUrl());
        withTarget.put("timeout", 5);
        return TestInvocation.call(TestInvocation.function(driver, function), withTarget, Map.of(), faults);
    }

    private Map<String, Object> assaults() throws Exception {
        return map(call("chaos-monkey/assaults", Map.of()));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object output) {
        assertThat(output).isInstanceOf(Map.class);
        return (Map<String, Object>) output;
    }

    private record Timed(int status, Duration took) {
    }

    private static Timed timedStock() throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> response = stock();
        return new Timed(response.statusCode(), Duration.ofNanos(System.nanoTime() - start));
    }

    private static HttpResponse<String> stock() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(inventory.uri("/api/stock")).timeout(Duration.ofSeconds(10)).GET().build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }
}

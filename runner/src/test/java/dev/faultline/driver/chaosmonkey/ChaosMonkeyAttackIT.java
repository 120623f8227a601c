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
import dev.faultline.testkit.DemoService;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code chaos-monkey/attack} against the real inventory service: the CPU assault really loads the
 * application's CPU, the memory assault really runs (Chaos Monkey counts it), a kill really stops
 * the process, and an attack that would outlast the activity is refused before anything starts.
 */
class ChaosMonkeyAttackIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final long CPU_HOLD_MS = 2_000;
    private static final long MEMORY_HOLD_MS = 1_500;

    private static DemoService inventory;

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
        call(inventory, "chaos-monkey/disable", Map.of());
    }

    @Test
    @SuppressWarnings("unchecked")
    void cpuAttackLoadsTheApplicationsCpuForTheHoldTimeAndIsJournaledAsIrreversible() throws Exception {
        call(inventory, "chaos-monkey/assault", Map.of("assaults",
                Map.of("cpuActive", true, "cpuMillisecondsHoldLoad", CPU_HOLD_MS, "cpuLoadTargetFraction", 0.8)));
        Duration cpuBefore = cpuTime(inventory);

        Map<String, Object> output = (Map<String, Object>) call(inventory, "chaos-monkey/attack", Map.of());

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
        assertThat(call(inventory, "chaos-monkey/assaults", Map.of())).asInstanceOf(InstanceOfAssertFactories.MAP)
                .containsEntry("cpuActive", false);
    }

    @Test
    @SuppressWarnings("unchecked")
    void memoryAttackRunsInTheApplicationAndAnswersAfterTheHold() throws Exception {
        call(inventory, "chaos-monkey/assault", Map.of("assaults", Map.of("memoryActive", true,
                "memoryMillisecondsHoldFilledMemory", MEMORY_HOLD_MS, "memoryMillisecondsWaitNextIncrease", 100,
                "memoryFillIncrementFraction", 0.5, "memoryFillTargetFraction", 0.7)));
        double before = metric(inventory, "chaos_monkey_assault_memory_count_total");

        Map<String, Object> output = (Map<String, Object>) call(inventory, "chaos-monkey/attack", Map.of());

        assertThat(metric(inventory, "chaos_monkey_assault_memory_count_total")).as("memory assaults Chaos Monkey ran")
                .isEqualTo(before + 1);
        assertThat(output.get("started")).isEqualTo(List.of("memory"));
        assertThat((Long) output.get("answered_after_ms")).isGreaterThanOrEqualTo(MEMORY_HOLD_MS);
        assertThat(faults.irreversibleFaults()).singleElement().satisfies(r -> assertThat(r.evidence().ok()).isTrue());
    }

    @Test
    void anAttackThatWouldOutlastTheActivityIsRefusedBeforeItStarts() throws Exception {
        call(inventory, "chaos-monkey/assault", Map.of("assaults", Map.of("cpuActive", true, "cpuMillisecondsHoldLoad", 90_000)));
        double before = metric(inventory, "chaos_monkey_assault_cpu_count_total");

        assertThatThrownBy(() -> call(inventory, "chaos-monkey/attack", Map.of()))
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
            call(victim, "chaos-monkey/assault", Map.of("assaults", Map.of("killApplicationActive", true)), new RecordingFaults());

            Map<String, Object> output = (Map<String, Object>) call(victim, "chaos-monkey/attack", Map.of());

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

    private Object call(DemoService target, String function, Map<String, Object> args) throws Exception {
        return call(target, function, args, faults);
    }

    private Object call(DemoService target, String function, Map<String, Object> args, RecordingFaults recording) throws Exception {
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
}

package dev.faultline.driver.chaosmonkey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.faultline.driver.Arguments;
import dev.faultline.driver.DriverFunction;
import dev.faultline.driver.Invocation;
import dev.faultline.driver.PlannedTarget;
import dev.faultline.driver.RecordingFaults;
import dev.faultline.driver.TestInvocation;
import dev.faultline.driver.UndoContext;
import dev.faultline.driver.UndoSpec;
import org.junit.jupiter.api.Test;

class ChaosMonkeyArgumentsTest {

    private final ChaosMonkeyDriver driver = new ChaosMonkeyDriver();

    @Test
    void normalisesTheActuatorBaseUrlAndReadsConnectionOptions() {
        ActuatorTarget target = ActuatorTarget.of(args(Map.of("base_url", "http://127.0.0.1:8081/actuator//",
                "headers", Map.of("Authorization", "Bearer x", "X-Retries", 3), "verify_ssl", "false")));

        assertThat(target.baseUrl()).isEqualTo("http://127.0.0.1:8081/actuator");
        assertThat(target.headers()).containsEntry("Authorization", "Bearer x").containsEntry("X-Retries", "3");
        assertThat(target.verifySsl()).isFalse();
        assertThat(target.endpoint("assaults")).hasToString("http://127.0.0.1:8081/actuator/chaosmonkey/assaults");
        assertThat(target.identity()).isEqualTo("chaos-monkey:http://127.0.0.1:8081/actuator");
        assertThat(ActuatorTarget.of(args(Map.of("base_url", "https://shop.example/actuator"))).verifySsl()).isTrue();
    }

    @Test
    void rejectsBaseUrlsThatAreNotHttpActuatorUrlsWithTheValueInBrackets() {
        for (String bad : List.of("", "127.0.0.1:8080/actuator", "ftp://host/actuator", "http://host/actuator?x=1", "http:///actuator")) {
            assertThatThrownBy(() -> ActuatorTarget.of(args(Map.of("base_url", bad))))
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("argument [base_url]")
                    .hasMessageContaining("[" + bad + "]");
        }
        assertThatThrownBy(() -> ActuatorTarget.of(args(Map.of("base_url", "http://h/actuator", "headers", List.of("x")))))
                .hasMessageContaining("argument [headers] must be a mapping");
    }

    @Test
    void theTimeoutArgumentBoundsEveryRequestButNeverExceedsTheActivityBudget() {
        Duration activity = Duration.ofSeconds(10);

        assertThat(ActuatorTarget.budget(args(Map.of("base_url", "http://h")), activity)).isEqualTo(activity);
        assertThat(ActuatorTarget.budget(args(Map.of("base_url", "http://h", "timeout", 2.5)), activity)).isEqualTo(Duration.ofMillis(2500));
        assertThat(ActuatorTarget.budget(args(Map.of("base_url", "http://h", "timeout", "3")), activity)).isEqualTo(Duration.ofSeconds(3));
        assertThat(ActuatorTarget.budget(args(Map.of("base_url", "http://h", "timeout", 60)), activity)).isEqualTo(activity);
        for (Object bad : List.of(0, -1, "soon")) {
            assertThatThrownBy(() -> ActuatorTarget.budget(args(Map.of("base_url", "http://h", "timeout", bad)), activity))
                    .as(String.valueOf(bad))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("[timeout]")
                    .hasMessageContaining(String.valueOf(bad));
        }
    }

    @Test
    void anUndoCarriesEverythingNeededToReachTheMonkeyAgain() {
        ActuatorTarget target = new ActuatorTarget("https://shop.example/actuator", Map.of("Authorization", "Basic abc"), false);

        UndoSpec undo = Restore.spec(target, true, Map.of("latencyActive", false), Map.of());

        assertThat(undo.driver()).isEqualTo("chaos-monkey");
        assertThat(undo.action()).isEqualTo("restore");
        assertThat(undo.args()).containsEntry("disable", true).containsEntry("assaults", Map.of("latencyActive", false));
        assertThat(ActuatorTarget.fromUndo(undo)).isEqualTo(target);
    }

    @Test
    void anUndoOfAnUnknownActionIsRefusedWithAHint() {
        UndoSpec foreign = new UndoSpec("chaos-monkey", "delete-everything", Map.of("base_url", "http://h/actuator"));

        assertThatThrownBy(() -> driver.undo(foreign, UndoContext.defaults()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[delete-everything]");
    }

    @Test
    void emptyAssaultSettingsAreRefusedBeforeAnythingIsSent() {
        RecordingFaults faults = new RecordingFaults();
        for (String name : List.of("chaosspring.actions.change_assaults_configuration", "chaos-monkey/assault")) {
            String argument = name.startsWith("chaos-monkey") ? "assaults" : "assaults_configuration";
            assertThatThrownBy(() -> TestInvocation.call(TestInvocation.function(driver, name),
                    Map.of("base_url", "http://127.0.0.1:1/actuator", argument, Map.of()), Map.of(), faults))
                    .as(name)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("argument [" + argument + "] must name at least one assault setting");
        }
        assertThat(faults.injected()).isEmpty();
    }

    @Test
    void plansNameTheMonkeyWithoutTalkingToIt() throws Exception {
        AssaultAction assault = AssaultAction.nativeName();
        Map<String, Object> args = Map.of("base_url", "http://127.0.0.1:1/actuator",
                "assaults", Map.of("latencyActive", true, "latencyRangeStart", 800, "latencyRangeEnd", 800));

        List<PlannedTarget> plan = assault.plan(invocation(assault, args));

        assertThat(plan).singleElement().satisfies(target -> {
            assertThat(target.driver()).isEqualTo("chaos-monkey");
            assertThat(target.kind()).isEqualTo("assault");
            assertThat(target.target()).isEqualTo("chaos-monkey:http://127.0.0.1:1/actuator");
            assertThat(target.reversible()).isTrue();
            assertThat(target.description()).contains("latencyRangeStart");
        });
        assertThat(new AttackAction().plan(invocation(new AttackAction(), Map.of("base_url", "http://127.0.0.1:1/actuator"))))
                .singleElement().satisfies(target -> assertThat(target.reversible()).isFalse());
    }

    private static Arguments args(Map<String, ?> values) {
        return new Arguments("test", values);
    }

    private static Invocation invocation(DriverFunction function, Map<String, Object> args) {
        return new PlanOnlyInvocation(function.spec(), new Arguments(function.spec().primaryName(), args));
    }
}

package dev.faultline.driver.chaosmonkey;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import dev.faultline.driver.DriverRegistry;
import dev.faultline.driver.Drivers;
import dev.faultline.driver.FunctionSpec;
import dev.faultline.driver.Param;
import dev.faultline.driver.TestInvocation;
import org.junit.jupiter.api.Test;

class ChaosMonkeyFunctionsTest {

    private final ChaosMonkeyDriver driver = new ChaosMonkeyDriver();

    @Test
    void offersEveryChaostoolkitSpringFunctionWithItsUpstreamArguments() {
        for (String name : List.of("chaosspring.actions.enable_chaosmonkey", "chaosspring.actions.disable_chaosmonkey",
                "chaosspring.probes.chaosmonkey_enabled", "chaosspring.probes.assaults_configuration",
                "chaosspring.probes.watcher_configuration")) {
            assertThat(paramNames(name)).as(name).containsExactly("base_url", "headers", "timeout", "verify_ssl");
        }
        assertThat(paramNames("chaosspring.actions.change_assaults_configuration"))
                .containsExactly("base_url", "assaults_configuration", "headers", "timeout", "verify_ssl");
        FunctionSpec change = spec("chaosspring.actions.change_assaults_configuration");
        assertThat(change.param("assaults_configuration").orElseThrow().required()).isTrue();
        assertThat(change.param("verify_ssl").orElseThrow().defaultValue()).isEqualTo(true);
        assertThat(spec("chaosspring.probes.chaosmonkey_enabled").kind()).isEqualTo(FunctionSpec.Kind.PROBE);
    }

    @Test
    void offersNativeFunctionsUnderTheChaosMonkeyPrefix() {
        assertThat(DriverRegistry.of(driver).names("chaos-monkey/")).containsExactly(
                "chaos-monkey/assault", "chaos-monkey/assaults", "chaos-monkey/attack", "chaos-monkey/disable",
                "chaos-monkey/enable", "chaos-monkey/status", "chaos-monkey/watchers", "chaos-monkey/watchers-config");
        assertThat(paramNames("chaos-monkey/assault"))
                .containsExactly("base_url", "assaults", "watchers", "enable", "headers", "timeout", "verify_ssl");
        assertThat(spec("chaos-monkey/assault").param("enable").orElseThrow().defaultValue()).isEqualTo(true);
        assertThat(spec("chaos-monkey/assaults").names()).contains("chaosspring.probes.assaults_configuration");
        assertThat(spec("chaos-monkey/watchers-config").names()).contains("chaosspring.probes.watcher_configuration");
    }

    @Test
    void isRegisteredWithTheStandardDrivers() {
        DriverRegistry standard = Drivers.standard();

        assertThat(standard.driver("chaos-monkey")).containsInstanceOf(ChaosMonkeyDriver.class);
        assertThat(standard.function("chaosspring.actions.change_assaults_configuration")).isPresent();
        assertThat(standard.function("chaos-monkey/assault").orElseThrow().driver().name()).isEqualTo("chaos-monkey");
    }

    private List<String> paramNames(String function) {
        return spec(function).params().stream().map(Param::name).toList();
    }

    private FunctionSpec spec(String function) {
        return TestInvocation.function(driver, function).spec();
    }
}

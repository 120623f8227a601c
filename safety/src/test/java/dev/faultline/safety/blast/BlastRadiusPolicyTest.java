package dev.faultline.safety.blast;

import dev.faultline.safety.preflight.Verdict;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class BlastRadiusPolicyTest {

    static PlannedFault podKill(String ns, int selected, int eligible, Map<String, String> labels) {
        List<PlannedFault.TargetObject> pods = IntStream.range(0, selected)
                .mapToObj(i -> new PlannedFault.TargetObject(ns, "web-" + i, labels)).toList();
        return new PlannedFault("kill-web", "kubernetes", "pod-kill", "k8s:" + ns + "/app=web", ns, pods, eligible, false, null);
    }

    static PlannedFault latency(String name, Duration d) {
        return new PlannedFault(name, "toxiproxy", "latency", "toxiproxy:" + name, null, List.of(new PlannedFault.TargetObject(null, name, null)),
                1, true, d);
    }

    @Test
    void defaultsAllowOnePodOfTwoAndRefuseWhatIsConservativelyTooMuch() {
        BlastRadiusPolicy policy = BlastRadiusPolicy.defaults();
        List<Verdict> ok = policy.evaluate(List.of(podKill("shop", 1, 2, Map.of())));
        assertThat(ok).singleElement().satisfies(v -> {
            assertThat(v.allowed()).isTrue();
            assertThat(v.check()).isEqualTo("blast-radius");
        });
        List<Verdict> tooMany = policy.evaluate(List.of(podKill("shop", 2, 4, Map.of())));
        assertThat(tooMany).singleElement().satisfies(v -> {
            assertThat(v.allowed()).isFalse();
            assertThat(v.reason()).contains("would touch [2] objects in [shop], above the policy maximum [1] per action");
        });
        List<Verdict> onlyReplica = policy.evaluate(List.of(podKill("shop", 1, 1, Map.of())));
        assertThat(onlyReplica).singleElement().extracting(Verdict::reason).asString()
                .contains("[1 of 1] (100%) of its selector's objects, above the policy maximum [50%]");
    }

    @Test
    void protectedNamespacesIncludingTheRunnersOwnAreNeverTargets() {
        BlastRadiusPolicy policy = BlastRadiusPolicy.defaults().protecting("faultline");
        assertThat(policy.evaluate(List.of(podKill("kube-system", 1, 3, Map.of())))).singleElement()
                .extracting(Verdict::reason).asString().contains("namespace [kube-system], which is always protected");
        assertThat(policy.evaluate(List.of(podKill("faultline", 1, 3, Map.of())))).singleElement()
                .extracting(Verdict::allowed).isEqualTo(false);
    }

    @Test
    void everyViolationIsItsOwnVerdict() {
        BlastRadiusPolicy policy = new BlastRadiusPolicy(List.of("staging"), Set.of(), 2, 50,
                LabelRequirement.parse("faultline.dev/chaos=enabled"), 2, Duration.ofMinutes(5));
        List<Verdict> verdicts = policy.evaluate(List.of(
                podKill("prod", 3, 4, Map.of("faultline.dev/chaos", "disabled")),
                latency("a", Duration.ofMinutes(3)), latency("b", Duration.ofMinutes(3)), latency("c", null)));
        assertThat(verdicts).allMatch(v -> !v.allowed());
        assertThat(verdicts).extracting(Verdict::reason).anySatisfy(r -> assertThat(r).contains("namespace [prod], which is not in the allowed namespaces [staging]"))
                .anySatisfy(r -> assertThat(r).contains("[3] objects in [prod], above the policy maximum [2]"))
                .anySatisfy(r -> assertThat(r).contains("[3 of 4] (75%)"))
                .anySatisfy(r -> assertThat(r).contains("without the opt-in label [faultline.dev/chaos=enabled]"))
                .anySatisfy(r -> assertThat(r).contains("keep [3] faults in place at once, above the policy maximum [2]"))
                .anySatisfy(r -> assertThat(r).contains("add up to [6m] of fault time, above the policy maximum [5m]"));
        assertThat(verdicts).hasSize(6);
    }

    @Test
    void labelRequirementWithoutValueNeedsOnlyTheKey() {
        LabelRequirement key = LabelRequirement.parse("chaos");
        assertThat(key.matches(Map.of("chaos", "anything"))).isTrue();
        assertThat(key.matches(Map.of())).isFalse();
        BlastRadiusPolicy policy = new BlastRadiusPolicy(List.of(), Set.of(), 1, 100, key, 3, Duration.ofMinutes(15));
        assertThat(policy.evaluate(List.of(podKill("shop", 1, 1, Map.of("chaos", "yes"))))).singleElement().extracting(Verdict::allowed).isEqualTo(true);
    }
}

package dev.faultline.driver.kubernetes;

import dev.faultline.driver.Arguments;
import dev.faultline.driver.kubernetes.PodSelection.Mode;
import dev.faultline.driver.kubernetes.PodSelection.Order;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KubernetesPodSelectionTest {

    private static final List<PodRef> PODS = List.of(
            pod("web-c", "2024-01-01T00:00:03Z"),
            pod("web-a", "2024-01-01T00:00:02Z"),
            pod("web-b", "2024-01-01T00:00:01Z"),
            pod("api-a", "2024-01-01T00:00:00Z"));

    @Test
    void fixedTakesQtyInNameOrderCappedByWhatIsEligible() {
        assertThat(names(new PodSelection(null, Mode.FIXED, 2, Order.ALPHABETIC).pick(PODS, 1)))
                .containsExactly("api-a", "web-a");
        assertThat(names(new PodSelection(null, Mode.FIXED, 9, Order.ALPHABETIC).pick(PODS, 1))).hasSize(4);
        assertThat(new PodSelection(null, Mode.FIXED, 0, Order.ALPHABETIC).pick(PODS, 1)).isEmpty();
    }

    @Test
    void percentageIsRoundedUpAndCapped() {
        assertThat(new PodSelection(null, Mode.PERCENTAGE, 1, Order.ALPHABETIC).count(4)).isEqualTo(1);
        assertThat(new PodSelection(null, Mode.PERCENTAGE, 26, Order.ALPHABETIC).count(4)).isEqualTo(2);
        assertThat(new PodSelection(null, Mode.PERCENTAGE, 50, Order.ALPHABETIC).count(3)).isEqualTo(2);
        assertThat(new PodSelection(null, Mode.PERCENTAGE, 100, Order.ALPHABETIC).count(3)).isEqualTo(3);
        assertThat(new PodSelection(null, Mode.PERCENTAGE, 250, Order.ALPHABETIC).count(3)).isEqualTo(3);
        assertThat(new PodSelection(null, Mode.PERCENTAGE, 0, Order.ALPHABETIC).count(3)).isZero();
    }

    @Test
    void allIgnoresQty() {
        assertThat(new PodSelection(null, Mode.ALL, 1, Order.ALPHABETIC).pick(PODS, 1)).hasSize(4);
    }

    @Test
    void oldestSortsByCreationThenName() {
        List<PodRef> tied = List.of(pod("b", "2024-01-01T00:00:00Z"), pod("a", "2024-01-01T00:00:00Z"),
                pod("c", "2023-12-31T00:00:00Z"));
        assertThat(names(new PodSelection(null, Mode.ALL, 0, Order.OLDEST).pick(tied, 1))).containsExactly("c", "a", "b");
        assertThat(names(new PodSelection(null, Mode.FIXED, 1, Order.OLDEST).pick(PODS, 1))).containsExactly("api-a");
    }

    @Test
    void randomIsAFunctionOfTheSeedAndTheEligiblePodsNotOfListingOrder() {
        PodSelection random = new PodSelection(null, Mode.FIXED, 2, Order.RANDOM);
        List<PodRef> reversed = new java.util.ArrayList<>(PODS);
        java.util.Collections.reverse(reversed);
        Set<List<String>> seen = new HashSet<>();
        for (long seed = 0; seed < 20; seed++) {
            List<String> picked = names(random.pick(PODS, seed));
            assertThat(names(random.pick(reversed, seed))).isEqualTo(picked);
            seen.add(picked);
        }
        assertThat(seen).hasSizeGreaterThan(3);
    }

    @Test
    void namePatternIsSearchedNotAnchored() {
        PodSelection web = new PodSelection(Pattern.compile("eb-[ab]"), Mode.ALL, 0, Order.ALPHABETIC);
        assertThat(names(web.pick(PODS, 1))).containsExactly("web-a", "web-b");
        assertThat(web.eligible(PODS)).hasSize(2);
    }

    @Test
    void negativeQuantityIsRejected() {
        assertThatThrownBy(() -> new PodSelection(null, Mode.FIXED, -1, Order.ALPHABETIC))
                .hasMessageContaining("[-1]");
    }

    @Test
    void chaosToolkitArgumentsMapOntoTheSelection() {
        PodKillRequest all = PodKillRequest.terminatePods("t", args(Map.of("all", true, "rand", true, "qty", 1,
                "grace_period", -1, "label_selector", "app=web")));
        assertThat(all.selection().mode()).isEqualTo(Mode.ALL);
        assertThat(all.selection().order()).isEqualTo(Order.RANDOM);
        assertThat(all.gracePeriodSeconds()).isNull();
        assertThat(all.namespace()).isEqualTo("default");

        PodKillRequest oldest = PodKillRequest.terminatePods("t", args(Map.of("order", "oldest", "mode", "percentage",
                "qty", "30", "grace_period", 0, "ns", "shop")));
        assertThat(oldest.selection()).isEqualTo(new PodSelection(null, Mode.PERCENTAGE, 30, Order.OLDEST));
        assertThat(oldest.gracePeriodSeconds()).isZero();
        assertThat(oldest.labelSelector()).isNull();

        assertThatThrownBy(() -> PodKillRequest.terminatePods("t", args(Map.of("order", "random"))))
                .hasMessageContaining("[order]").hasMessageContaining("[alphabetic, oldest]");
        assertThatThrownBy(() -> PodKillRequest.terminatePods("t", args(Map.of("qty", -2))))
                .hasMessageContaining("[-2]");
    }

    @Test
    void nativeArgumentsDefaultToOneRandomPodAndAcceptAllModes() {
        PodKillRequest request = PodKillRequest.killPods("k", args(Map.of("selector", "app=web")));
        assertThat(request.selection()).isEqualTo(new PodSelection(null, Mode.FIXED, 1, Order.RANDOM));
        assertThat(PodKillRequest.killPods("k", args(Map.of("name-pattern", "^web", "mode", "all"))).selection().mode())
                .isEqualTo(Mode.ALL);
        assertThatThrownBy(() -> PodKillRequest.killPods("k", args(Map.of("selector", "a=b", "grace-period", -1))))
                .hasMessageContaining("[grace-period]");
        assertThatThrownBy(() -> PodKillRequest.killPods("k", args(Map.of("name-pattern", "(("))))
                .hasMessageContaining("[name-pattern]").hasMessageContaining("[((]");
    }

    private static Arguments args(Map<String, Object> values) {
        return new Arguments("test", values);
    }

    private static PodRef pod(String name, String created) {
        return new PodRef("shop", name, "uid-" + name, Map.of("app", "x"), Instant.parse(created));
    }

    private static List<String> names(List<PodRef> pods) {
        return pods.stream().map(PodRef::name).toList();
    }
}

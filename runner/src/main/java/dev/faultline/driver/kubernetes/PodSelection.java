package dev.faultline.driver.kubernetes;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Random;
import java.util.regex.Pattern;

/**
 * Which of the pods matching a selector a kill hits: filter by name pattern, order, then take a
 * fixed number, a percentage (rounded up) or all of them.
 *
 * <p>Selection is a pure function of the candidate pods and the seed. Random order shuffles the
 * pods sorted by name with {@code new Random(seed)}, so the plan made before a run and the kill
 * made during it pick the same pods as long as the same pods match.
 *
 * @param namePattern regular expression searched in pod names ({@code null}: every name)
 * @param qty how many pods ({@link Mode#FIXED}) or which percentage ({@link Mode#PERCENTAGE})
 */
record PodSelection(Pattern namePattern, Mode mode, long qty, Order order) {

    /** How {@code qty} is read. */
    enum Mode {
        FIXED, PERCENTAGE, ALL;

        static Mode parse(String function, String argument, String value, List<Mode> allowed) {
            return parseEnum(Mode.class, function, argument, value, allowed);
        }
    }

    /** Which pods come first. */
    enum Order {
        ALPHABETIC, OLDEST, RANDOM;

        static Order parse(String function, String argument, String value, List<Order> allowed) {
            return parseEnum(Order.class, function, argument, value, allowed);
        }
    }

    PodSelection {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(order, "order");
        if (qty < 0) {
            throw new IllegalArgumentException("cannot select pods: quantity [" + qty + "] is negative");
        }
    }

    /** The pods whose name matches the pattern, in name order. */
    List<PodRef> eligible(List<PodRef> pods) {
        List<PodRef> out = new ArrayList<>();
        for (PodRef pod : pods) {
            if (namePattern == null || namePattern.matcher(pod.name()).find()) {
                out.add(pod);
            }
        }
        out.sort(Comparator.comparing(PodRef::name));
        return out;
    }

    /** How many of {@code eligible} pods are picked. */
    int count(int eligible) {
        long wanted = switch (mode) {
            case ALL -> eligible;
            case FIXED -> qty;
            case PERCENTAGE -> (qty * eligible + 99) / 100;
        };
        return (int) Math.min(wanted, eligible);
    }

    /** The pods to hit, in the order they are deleted. */
    List<PodRef> pick(List<PodRef> pods, long seed) {
        List<PodRef> ordered = eligible(pods);
        switch (order) {
            case ALPHABETIC -> { }
            case OLDEST -> ordered.sort(Comparator.comparing(PodRef::created).thenComparing(PodRef::name));
            case RANDOM -> Collections.shuffle(ordered, new Random(seed));
        }
        return List.copyOf(ordered.subList(0, count(ordered.size())));
    }

    /** One phrase for plans and journals, e.g. "2 (50%, rounded up), oldest first". */
    String describe() {
        String how = switch (mode) {
            case ALL -> "all";
            case FIXED -> String.valueOf(qty);
            case PERCENTAGE -> qty + "% (rounded up)";
        };
        return how + ", " + switch (order) {
            case ALPHABETIC -> "in name order";
            case OLDEST -> "oldest first";
            case RANDOM -> "at random";
        };
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String function, String argument, String value,
                                                   List<E> allowed) {
        for (E candidate : allowed) {
            if (candidate.name().equalsIgnoreCase(value.trim())) {
                return candidate;
            }
        }
        throw new IllegalArgumentException(function + ": argument [" + argument + "] must be one of "
                + allowed.stream().map(e -> e.name().toLowerCase(Locale.ROOT)).toList() + ", but was [" + value + "]");
    }
}

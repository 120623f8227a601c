package dev.faultline.journal;

import java.util.List;
import java.util.Objects;

/** Null-tolerant immutable copies: a journal may omit a list or hold a null element. */
final class Lists {

    private Lists() {
    }

    static <T> List<T> copy(List<T> list) {
        if (list == null || list.isEmpty()) {
            return List.of();
        }
        return list.stream().filter(Objects::nonNull).toList();
    }
}

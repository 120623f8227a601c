package dev.faultline.journal;

import java.time.Instant;

/**
 * One phase of a run ({@code configuration}, {@code preflight}, {@code before-hypothesis}, {@code method},
 * {@code after-hypothesis}, {@code undo}, {@code rollbacks}) and how it ended.
 */
public record Phase(String name, Instant start, Instant end, String status) {

    public Phase {
        name = name == null ? "(unnamed)" : name;
        status = status == null ? "unknown" : status;
    }
}

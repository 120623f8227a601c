package dev.faultline.journal;

import java.time.Instant;
import java.util.List;

/** Faultline's timing of one activity, hypothesis probes included, and the faults it injected. */
public record ActivityTiming(String phase, String name, String type, String status, Instant start, Instant end,
        boolean timedOut, boolean background, List<String> faultIds) {

    public ActivityTiming {
        faultIds = Lists.copy(faultIds);
    }
}

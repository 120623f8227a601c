package dev.faultline.experiment;

import java.util.List;

/** The steady-state hypothesis: probes with tolerances that define "normal". */
public record Hypothesis(String title, List<Activity> probes) {

    public Hypothesis {
        probes = List.copyOf(probes);
    }
}

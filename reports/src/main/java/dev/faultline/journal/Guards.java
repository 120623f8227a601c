package dev.faultline.journal;

import java.time.Instant;
import java.util.List;

/** The safety guards of a run: their definitions and the time series of their checks. */
public record Guards(Long intervalMs, List<Definition> definitions, List<Check> checks) {

    public Guards {
        definitions = Lists.copy(definitions);
        checks = Lists.copy(checks);
    }

    /** A guard as configured: what it watches and the value that trips it. */
    public record Definition(String name, String description, Double threshold, String unit) {

        public Definition {
            name = name == null ? "(unnamed)" : name;
        }
    }

    /** One evaluation of a guard; {@code ok == false} is a breach. */
    public record Check(Instant t, String guard, Double value, Double threshold, Boolean ok) {

        public boolean breach() {
            return Boolean.FALSE.equals(ok);
        }
    }
}

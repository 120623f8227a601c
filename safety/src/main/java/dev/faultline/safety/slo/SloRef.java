package dev.faultline.safety.slo;

import java.util.Objects;

/**
 * A reference from an experiment to one SLO: the file and the SLO's name in it.
 *
 * @param file path as written, resolved against the experiment's folder
 * @param name the SLO's name; {@code null} when the file defines exactly one SLO
 */
public record SloRef(String file, String name) {

    public SloRef {
        Objects.requireNonNull(file, "file");
    }
}

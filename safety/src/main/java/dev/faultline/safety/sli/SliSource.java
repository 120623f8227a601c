package dev.faultline.safety.sli;

import java.time.Duration;
import java.time.Instant;

/**
 * Where good and bad events are counted: Prometheus (server-side, from an SLO's queries) or the
 * load probe (client-side). Implementations must return quickly and bound every network call.
 */
public interface SliSource {

    /** One line for messages and the journal, e.g. {@code prometheus http://127.0.0.1:9090}. */
    String describe();

    /** Event rates over the trailing {@code window} ending at {@code now}. */
    SliReading read(Duration window, Instant now) throws SliUnavailableException;
}

package dev.faultline.driver;

import java.time.Duration;
import java.util.Map;

/** Everything a driver function gets for one call. Built by the engine; tests build their own. */
public interface Invocation {

    /** The function being called (its first name is the one used in messages). */
    FunctionSpec function();

    /** The call's arguments: substituted, defaults applied. */
    Arguments arguments();

    /** The experiment's resolved configuration (e.g. {@code toxiproxy_url}). */
    Settings configuration();

    /** Secrets of the scopes this provider asked for, merged into one map. */
    Map<String, Object> secrets();

    /** Budget for the call: every network or process wait must be bounded by it. */
    Duration timeout();

    /** Where reversible faults are declared before they are applied. */
    Faults faults();
}

package dev.faultline.safety.config;

/**
 * A safety configuration (an SLO file or an experiment's {@code safety:} block) that cannot be used.
 * The message says which file, where in it (a field path such as {@code spec.objectives[0].target}),
 * what is wrong with the offending value in brackets, and how to fix it.
 */
public final class SafetyConfigException extends IllegalArgumentException {

    private final String source;
    private final String location;
    private final String problem;
    private final String fix;

    public SafetyConfigException(String source, String location, String problem, String fix) {
        super(format(source, location, problem, fix));
        this.source = source;
        this.location = location;
        this.problem = problem;
        this.fix = fix;
    }

    public SafetyConfigException(String source, String location, String problem, String fix, Throwable cause) {
        this(source, location, problem, fix);
        initCause(cause);
    }

    /** The file (or other origin) the bad input came from. */
    public String source() {
        return source;
    }

    /** Field path inside the source, e.g. {@code safety.guards.burn-rate.max}; empty for the whole document. */
    public String location() {
        return location;
    }

    public String problem() {
        return problem;
    }

    public String fix() {
        return fix;
    }

    private static String format(String source, String location, String problem, String fix) {
        StringBuilder out = new StringBuilder();
        out.append(source == null || source.isEmpty() ? "<input>" : source);
        if (location != null && !location.isEmpty()) {
            out.append(": ").append(location);
        }
        out.append(": ").append(problem);
        if (fix != null && !fix.isEmpty()) {
            out.append("; ").append(fix);
        }
        return out.toString();
    }
}

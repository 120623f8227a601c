package dev.faultline.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds {@code ./faultline ...} calls in shell scripts and splits their arguments as the shell would, roughly. */
final class Invocations {

    private static final Pattern CALL = Pattern.compile("(?:^|[\\s;&|(])\\./faultline((?:[ \\t]+[^\\s;&|<>)]+)*)");

    private Invocations() {
    }

    /** The arguments of every call in {@code script}; continued lines (backslash-newline) are joined first. */
    static List<List<String>> in(String script) {
        String joined = script.replaceAll("\\\\\\r?\\n\\s*", " ");
        List<List<String>> out = new ArrayList<>();
        Matcher m = CALL.matcher(joined);
        while (m.find()) {
            List<String> args = new ArrayList<>();
            for (String token : m.group(1).trim().split("[ \\t]+")) {
                if (!token.isEmpty()) {
                    args.add(token.replaceAll("^[\"']|[\"']$", ""));
                }
            }
            out.add(args);
        }
        return out;
    }
}

package dev.faultline.experiment;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code {type: regex, pattern, target?}}: the pattern must be found somewhere in the output (or in
 * {@code output[target]}), like Python's {@code re.search}. Python-only syntax ({@code (?P<name>)},
 * {@code (?P=name)}) is translated.
 */
public record RegexTolerance(String pattern, String target) implements Tolerance {

    @Override
    public Check check(Object output, Context context) {
        Object value = Outputs.target(output, target);
        if (!(value instanceof String text)) {
            return Check.notMet((target == null ? "output" : "[" + target + "]") + " is not text: " + Outputs.show(value));
        }
        String applied = String.valueOf(context.substitute(pattern));
        Pattern compiled;
        try {
            compiled = compile(applied);
        } catch (PatternSyntaxException e) {
            return Check.notMet("pattern [" + applied + "] is invalid: " + e.getDescription());
        }
        return compiled.matcher(text).find()
                ? Check.met("found /" + applied + "/")
                : Check.notMet("/" + applied + "/ not found in " + Outputs.show(text));
    }

    public static Pattern compile(String pythonPattern) {
        String java = pythonPattern.replace("(?P<", "(?<").replaceAll("\\(\\?P=(\\w+)\\)", "\\\\k<$1>");
        return Pattern.compile(java);
    }

    @Override
    public String describe() {
        return (target == null ? "" : target + " ") + "matches /" + pattern + "/";
    }
}

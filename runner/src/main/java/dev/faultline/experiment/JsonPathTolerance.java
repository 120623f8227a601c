package dev.faultline.experiment;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.Option;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code {type: jsonpath, path, expect?, count?, target?}}. Without {@code expect} it passes when
 * the path matches anything ({@code count} pins the number of matches); with {@code expect} the
 * matches must equal it ({@code [expect]} when it is not a list). Text outputs that hold JSON are
 * parsed first.
 *
 * @param hasExpect whether {@code expect} was given ({@code expect: null} is a real expectation)
 */
public record JsonPathTolerance(String path, boolean hasExpect, Object expect, Integer count, String target)
        implements Tolerance {

    private static final Configuration MATCH_ALL = Configuration.defaultConfiguration()
            .addOptions(Option.ALWAYS_RETURN_LIST, Option.SUPPRESS_EXCEPTIONS);
    /** A lone {@code =} in a filter: the equality of Chaos Toolkit's JSONPath dialect. */
    private static final Pattern LONE_EQUALS = Pattern.compile("(?<![=!<>~])=(?![=~])");
    private static final Pattern FILTER = Pattern.compile("\\[\\?\\((.*?)\\)]");

    @Override
    public Check check(Object output, Context context) {
        Object value = Outputs.target(output, target);
        if (value instanceof String text) {
            try {
                value = Json.MAPPER.readValue(text, Object.class);
            } catch (Exception notJson) {
                // Kept as text, as Chaos Toolkit does.
            }
        }
        String applied = String.valueOf(context.substitute(path));
        List<Object> matches;
        try {
            matches = matches(applied, value);
        } catch (InvalidPathException e) {
            return Check.notMet("JSON path [" + applied + "] is invalid: " + e.getMessage());
        }
        boolean met = count == null ? !matches.isEmpty() : matches.size() == count;
        String found = "found " + Outputs.show(matches) + " at " + applied;
        if (hasExpect) {
            Object wanted = context.substitute(expect);
            List<?> expected = wanted instanceof List<?> list ? list : java.util.Collections.singletonList(wanted);
            met = Outputs.pyEquals(matches, expected);
            return met ? Check.met(found) : Check.notMet(found + ", expected " + Outputs.show(expected));
        }
        if (count != null) {
            return met ? Check.met(found) : Check.notMet(found + ": " + matches.size() + " matches, expected " + count);
        }
        return met ? Check.met(found) : Check.notMet("nothing found at " + applied);
    }

    static List<Object> matches(String path, Object document) {
        if (document == null) {
            return List.of();
        }
        Object result = JsonPath.using(MATCH_ALL).parse(document).read(translate(path));
        List<Object> out = new ArrayList<>();
        if (result instanceof List<?> list) {
            out.addAll(list);
        } else if (result != null) {
            out.add(result);
        }
        return out;
    }

    /** Validates a path at load time; returns the parser's complaint, or {@code null}. */
    public static String syntaxError(String path) {
        try {
            JsonPath.compile(translate(path));
            return null;
        } catch (InvalidPathException | IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    static String translate(String path) {
        Matcher filters = FILTER.matcher(path);
        StringBuilder out = new StringBuilder();
        while (filters.find()) {
            String expression = LONE_EQUALS.matcher(filters.group(1)).replaceAll("==");
            filters.appendReplacement(out, Matcher.quoteReplacement("[?(" + expression + ")]"));
        }
        filters.appendTail(out);
        return out.toString();
    }

    @Override
    public String describe() {
        String base = (target == null ? "" : target + " ") + "JSON path " + path;
        if (hasExpect) {
            return base + " equals " + Outputs.show(expect);
        }
        return count == null ? base + " matches" : base + " matches " + count + " times";
    }

    /** Created on first use: validating a file never needs an ObjectMapper, and one costs start-up time. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }
}

package dev.faultline.load;

import com.fasterxml.jackson.databind.JsonNode;
import dev.faultline.driver.DriverRegistry;
import dev.faultline.driver.FunctionSpec;
import dev.faultline.driver.Param;

import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Checks that a provider names a function Faultline implements and that its literal arguments fit
 * the function's signature. {@code ${var}} values are checked when they are substituted.
 */
final class FunctionChecker {

    private final Problems problems;
    private final DriverRegistry registry;

    FunctionChecker(Problems problems, DriverRegistry registry) {
        this.problems = problems;
        this.registry = registry;
    }

    void check(String function, String what, JsonNode arguments, String at) {
        var entry = registry.function(function);
        if (entry.isEmpty()) {
            problems.error(at, what + " [" + function + "] is not supported by Faultline", suggestion(function));
            return;
        }
        FunctionSpec spec = entry.get().spec();
        for (Param param : spec.params()) {
            JsonNode value = arguments == null ? null : arguments.get(param.name());
            if (param.required() && (value == null || value.isNull())) {
                problems.error(at + "/arguments", spec.primaryName() + " needs argument [" + param.name() + "]",
                        "add `" + param.name() + ":` under `arguments`; signature: " + spec.signature());
            } else if (value != null && !value.isNull() && !Nodes.isTemplate(value) && !fits(param.type(), value)) {
                problems.error(at + "/arguments/" + param.name(), "argument [" + param.name() + "] of " + spec.primaryName()
                        + " must be " + describe(param.type()) + ", but is [" + value + "]", "signature: " + spec.signature());
            }
        }
        if (arguments != null && !spec.extraArguments()) {
            Iterator<String> names = arguments.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                if (spec.param(name).isEmpty()) {
                    problems.error(Pointers.child(at + "/arguments", name), spec.primaryName() + " has no argument [" + name + "]",
                            "accepted arguments: " + spec.params().stream().map(Param::name).collect(Collectors.joining(", ")));
                }
            }
        }
    }

    private String suggestion(String function) {
        int dot = function.indexOf('.');
        int slash = function.indexOf('/');
        String family = slash > 0 ? function.substring(0, slash + 1) : dot > 0 ? function.substring(0, dot + 1) : function;
        List<String> related = registry.names(family);
        if (!related.isEmpty()) {
            return "supported " + family.substring(0, family.length() - 1) + " functions: " + String.join(", ", related);
        }
        List<String> modules = registry.names(null).stream()
                .map(name -> name.contains("/") ? null : name.substring(0, name.indexOf('.') < 0 ? name.length() : name.indexOf('.')))
                .filter(java.util.Objects::nonNull)
                .distinct()
                .sorted()
                .toList();
        return "Faultline runs these Chaos Toolkit extensions natively: " + String.join(", ", modules)
                + " (see docs/compatibility.md); replace this activity or run it with Chaos Toolkit";
    }

    private static boolean fits(Param.Type type, JsonNode value) {
        return switch (type) {
            case STRING -> value.isTextual() || value.isNumber() || value.isBoolean();
            case INTEGER -> value.isIntegralNumber() || (value.isTextual() && value.textValue().trim().matches("-?\\d+"))
                    || (value.isNumber() && value.doubleValue() == Math.rint(value.doubleValue()));
            case NUMBER -> value.isNumber() || (value.isTextual() && isNumber(value.textValue()));
            case BOOLEAN -> value.isBoolean() || (value.isTextual() && value.textValue().matches("(?i)true|false|yes|no|0|1"));
            case LIST -> value.isArray();
            case MAP -> value.isObject();
            case ANY -> true;
        };
    }

    private static boolean isNumber(String text) {
        try {
            Double.parseDouble(text.trim());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String describe(Param.Type type) {
        return switch (type) {
            case STRING -> "a string";
            case INTEGER -> "a whole number";
            case NUMBER -> "a number";
            case BOOLEAN -> "true or false";
            case LIST -> "a list";
            case MAP -> "a mapping";
            case ANY -> "any value";
        };
    }
}

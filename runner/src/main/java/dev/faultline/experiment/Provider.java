package dev.faultline.experiment;

import java.util.List;
import java.util.Map;

/**
 * How an activity is carried out. Every provider names one registered driver function and hands
 * it a map of arguments; the variants differ in which fields are substituted (Chaos Toolkit never
 * substitutes a process {@code path} nor an http {@code method}).
 */
public sealed interface Provider permits HttpProvider, ProcessProvider, PythonProvider, NativeProvider {

    /** The registry key of the function to call ({@code http}, {@code process}, {@code module.func}, {@code type/func}). */
    String function();

    /** The function's arguments before substitution. */
    Map<String, Object> arguments();

    /** Argument names whose values are used verbatim (never substituted). */
    default List<String> verbatim() {
        return List.of();
    }

    /** Secret scopes this provider may read. */
    List<String> secretScopes();

    /** A short human description for progress lines, e.g. {@code GET http://host/health}. */
    String describe();
}

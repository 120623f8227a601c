package dev.faultline.load;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects every problem of one file, so the user sees them all at once instead of fixing one at a
 * time. Locations are filled in from the parsed document when it is known.
 */
public final class Problems {

    private final Path file;
    private final List<Problem> list = new ArrayList<>();
    private SourceDocument document;

    public Problems(Path file) {
        this.file = file;
    }

    void attach(SourceDocument document) {
        this.document = document;
    }

    public void error(String pointer, String message, String hint) {
        add(Problem.Severity.ERROR, pointer, null, message, hint);
    }

    public void warning(String pointer, String message, String hint) {
        add(Problem.Severity.WARNING, pointer, null, message, hint);
    }

    void error(String pointer, Location at, String message, String hint) {
        add(Problem.Severity.ERROR, pointer, at, message, hint);
    }

    void warning(String pointer, Location at, String message, String hint) {
        add(Problem.Severity.WARNING, pointer, at, message, hint);
    }

    private void add(Problem.Severity severity, String pointer, Location at, String message, String hint) {
        Location location = at != null ? at : document == null ? Location.UNKNOWN : document.locate(pointer);
        list.add(new Problem(severity, file, pointer, location, message, hint));
    }

    public boolean hasErrors() {
        return list.stream().anyMatch(Problem::isError);
    }

    public List<Problem> all() {
        return List.copyOf(list);
    }

    public List<Problem> errors() {
        return list.stream().filter(Problem::isError).toList();
    }

    public List<Problem> warnings() {
        return list.stream().filter(p -> !p.isError()).toList();
    }
}

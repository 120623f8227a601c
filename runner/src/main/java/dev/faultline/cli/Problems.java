package dev.faultline.cli;

import dev.faultline.load.LoadResult;

import java.io.PrintWriter;

/** Prints a file's problems, errors first, with a count line. */
final class Problems {

    private Problems() {
    }

    static void print(LoadResult result, PrintWriter err) {
        result.errors().forEach(p -> err.println(p.render()));
        result.warnings().forEach(p -> err.println(p.render()));
        int errors = result.errors().size();
        int warnings = result.warnings().size();
        if (errors > 0) {
            err.println(errors + " error" + (errors == 1 ? "" : "s") + (warnings > 0 ? ", " + warnings + " warning" + (warnings == 1 ? "" : "s") : "")
                    + ": nothing was run.");
        }
    }
}

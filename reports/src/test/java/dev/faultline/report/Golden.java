package dev.faultline.report;

import static org.assertj.core.api.Assertions.fail;

import dev.faultline.testkit.Required;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Golden-file comparison. Run with {@code -Dfaultline.updateGoldens=true} to rewrite the files after an
 * intended change, then review the diff in git. A missing golden fails (it never writes itself), and
 * so does updating under CI. The actual output of a mismatch is kept in {@code target/golden-actual}.
 */
public final class Golden {

    private static final Path DIR = Path.of("src", "test", "resources", "golden");
    private static final boolean UPDATE = Boolean.getBoolean("faultline.updateGoldens");

    private Golden() {
    }

    public static void assertMatches(String actual, String file) throws IOException {
        Path golden = DIR.resolve(file);
        if (UPDATE) {
            if (Required.underCi()) {
                fail("-Dfaultline.updateGoldens=true is not allowed under CI=true: update goldens locally");
            }
            Files.createDirectories(golden.getParent());
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
            return;
        }
        if (!Files.exists(golden)) {
            fail("golden file [" + golden + "] is missing: run mvn -B -pl reports -am verify "
                    + "-Dfaultline.updateGoldens=true and review what it writes");
        }
        String expected = Files.readString(golden, StandardCharsets.UTF_8);
        if (!expected.equals(actual)) {
            Path kept = Path.of("target", "golden-actual", file);
            Files.createDirectories(kept.getParent());
            Files.writeString(kept, actual, StandardCharsets.UTF_8);
            fail("output differs from golden [" + golden + "] " + firstDifference(expected, actual)
                    + "; the actual output is in [" + kept + "]; if the change is intended, rerun with "
                    + "-Dfaultline.updateGoldens=true and review the diff");
        }
    }

    private static String firstDifference(String expected, String actual) {
        List<String> e = expected.lines().toList();
        List<String> a = actual.lines().toList();
        for (int i = 0; i < Math.max(e.size(), a.size()); i++) {
            String el = i < e.size() ? e.get(i) : "<end of file>";
            String al = i < a.size() ? a.get(i) : "<end of file>";
            if (!el.equals(al)) {
                return String.format("at line %d:%n  expected: %s%n  actual:   %s", i + 1, cut(el), cut(al));
            }
        }
        return "(only line endings differ)";
    }

    private static String cut(String line) {
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }
}

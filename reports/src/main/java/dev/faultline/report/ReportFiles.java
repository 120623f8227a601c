package dev.faultline.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.UUID;

/** File naming and atomic writing for reports. */
final class ReportFiles {

    private ReportFiles() {
    }

    /**
     * The file name of the {@code n}th experiment's report next to the index {@code index}:
     * {@code gameday-01-checkout-survives-a-slow-inventory.html}. Only letters, digits and dashes come
     * from the title, so the name is safe as a relative link.
     */
    static String experimentFile(Path index, int n, String title) {
        String stem = stem(index.getFileName().toString());
        String slug = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (slug.length() > 48) {
            slug = slug.substring(0, 48).replaceAll("-+$", "");
        }
        return String.format(Locale.ROOT, "%s-%02d%s.html", stem, n, slug.isEmpty() ? "" : "-" + slug);
    }

    private static String stem(String fileName) {
        int dot = fileName.lastIndexOf('.');
        String stem = dot > 0 ? fileName.substring(0, dot) : fileName;
        String safe = stem.replaceAll("[^A-Za-z0-9_-]+", "-");
        return safe.isEmpty() ? "report" : safe;
    }

    /** Writes {@code content} to a temporary file beside {@code file}, then moves it into place. */
    static void write(Path file, String content) throws IOException {
        Path absolute = file.toAbsolutePath();
        Files.createDirectories(absolute.getParent());
        // Not createTempFile: its owner-only permissions would carry over to a report meant to be shared.
        Path temp = absolute.resolveSibling("." + absolute.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            Files.writeString(temp, content, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
            try {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}

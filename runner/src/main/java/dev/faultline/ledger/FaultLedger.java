package dev.faultline.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.faultline.driver.UndoSpec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The write-ahead fault ledger: an append-only JSON-lines file where every injection is recorded
 * (and forced to disk) before it is applied, and closed after it is undone. Whatever happens to the
 * process, {@code faultline rollback} can read what is still open and undo it.
 *
 * <p>Several Faultline processes may share one ledger: every append takes an exclusive file lock.
 */
public final class FaultLedger {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;

    public FaultLedger(Path file) {
        this.file = file;
    }

    /** {@code $FAULTLINE_LEDGER}, else {@code ~/.faultline/ledger.jsonl}. */
    public static Path defaultPath() {
        String override = System.getenv("FAULTLINE_LEDGER");
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        return Path.of(System.getProperty("user.home"), ".faultline", "ledger.jsonl");
    }

    public Path file() {
        return file;
    }

    public void opened(LedgerEntry entry) {
        ObjectNode line = JSON.createObjectNode();
        line.put("event", "inject");
        line.put("id", entry.id());
        line.put("run_id", entry.runId());
        line.put("pid", entry.pid());
        line.put("at", entry.at().toString());
        line.put("driver", entry.driver());
        line.put("kind", entry.kind());
        line.put("target", entry.target());
        line.put("description", entry.description());
        ObjectNode undo = line.putObject("undo");
        undo.put("driver", entry.undo().driver());
        undo.put("action", entry.undo().action());
        undo.set("args", JSON.valueToTree(entry.undo().args()));
        append(line);
    }

    public void closed(String id, Instant at, String by) {
        ObjectNode line = JSON.createObjectNode();
        line.put("event", "undone");
        line.put("id", id);
        line.put("at", at.toString());
        line.put("by", by);
        append(line);
    }

    public void undoFailed(String id, Instant at, String error) {
        ObjectNode line = JSON.createObjectNode();
        line.put("event", "undo-failed");
        line.put("id", id);
        line.put("at", at.toString());
        line.put("error", error);
        append(line);
    }

    /** Entries injected and not (yet) undone, oldest first. Torn last lines (a crash mid-write) are ignored. */
    public List<LedgerEntry> open() {
        if (!Files.exists(file)) {
            return List.of();
        }
        Map<String, LedgerEntry> open = new LinkedHashMap<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the fault ledger [" + file + "]", e);
        }
        for (String text : lines) {
            JsonNode line;
            try {
                line = JSON.readTree(text);
            } catch (IOException torn) {
                continue;
            }
            if (line == null || !line.has("event")) {
                continue;
            }
            String id = line.path("id").asText();
            switch (line.get("event").asText()) {
                case "inject" -> open.put(id, entry(line));
                case "undone" -> open.remove(id);
                default -> { }
            }
        }
        return new ArrayList<>(open.values());
    }

    @SuppressWarnings("unchecked")
    private static LedgerEntry entry(JsonNode line) {
        JsonNode undo = line.get("undo");
        Map<String, Object> args = JSON.convertValue(undo.get("args"), Map.class);
        return new LedgerEntry(line.path("id").asText(), line.path("run_id").asText(), line.path("pid").asLong(),
                Instant.parse(line.path("at").asText()), line.path("driver").asText(), line.path("kind").asText(),
                line.path("target").asText(), line.path("description").asText(),
                new UndoSpec(undo.path("driver").asText(), undo.path("action").asText(), args));
    }

    private void append(ObjectNode line) {
        byte[] bytes;
        try {
            bytes = (JSON.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8);
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the fault ledger [" + file + "]", e);
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
             FileLock ignored = channel.lock()) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the fault ledger [" + file + "]: " + e.getMessage()
                    + " (nothing is injected without a ledger entry; check the path or pass --ledger)", e);
        }
    }
}

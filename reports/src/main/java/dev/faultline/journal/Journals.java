package dev.faultline.journal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Reads journal files. Unknown keys are ignored and missing ones default, so journals from older or
 * newer Faultline versions and plain Chaos Toolkit journals all read; files that are no journal at
 * all are refused with a message that says what the file looks like instead.
 */
public final class Journals {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
            .addModule(new SimpleModule("faultline-journal").addDeserializer(Instant.class, new TimestampDeserializer()))
            .build();

    private Journals() {
    }

    /** Reads the journal in {@code file}; throws {@link JournalException} saying why when it is not one. */
    public static Journal read(Path file) {
        byte[] bytes = readBytes(file);
        Journal journal;
        try {
            // One pass in the common case; the slower tree is built only to explain a file that is no journal.
            journal = MAPPER.readValue(bytes, Journal.class);
        } catch (JsonMappingException e) {
            requireJournalShape(file, readTree(file, bytes));
            throw new JournalException(String.format("journal [%s] has an invalid value at [%s]: %s; fix or remove "
                    + "that value", file, pointer(e), e.getOriginalMessage()), e);
        } catch (JsonProcessingException e) {
            throw notJson(file, e);
        } catch (IOException e) {
            throw new JournalException(String.format("journal [%s] could not be read: %s", file, e.getMessage()), e);
        }
        if (journal == null || mayNotBeAJournal(journal)) {
            requireJournalShape(file, readTree(file, bytes));
        }
        return journal.withSource(file);
    }

    /** Reads every file in order; the first one that is no journal stops the lot. */
    public static List<Journal> readAll(List<Path> files) {
        List<Journal> journals = new ArrayList<>(files.size());
        for (Path file : files) {
            journals.add(read(file));
        }
        return List.copyOf(journals);
    }

    private static boolean mayNotBeAJournal(Journal journal) {
        boolean status = journal.status() != null || journal.faultline() != null;
        boolean body = !journal.run().isEmpty() || !journal.experiment().raw().isMissingNode()
                || journal.steadyStates().before() != null || journal.steadyStates().after() != null;
        return !status || !body;
    }

    private static byte[] readBytes(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            if (isBlank(bytes)) {
                throw new JournalException(String.format("journal [%s] is empty: pass the journal.json a run wrote",
                        file));
            }
            return bytes;
        } catch (NoSuchFileException e) {
            throw new JournalException(String.format("journal [%s] does not exist: pass the journal.json a run wrote "
                    + "(faultline run writes ./journal.json unless told otherwise)", file), e);
        } catch (IOException e) {
            throw new JournalException(String.format("journal [%s] could not be read: %s", file, e.getMessage()), e);
        }
    }

    private static boolean isBlank(byte[] bytes) {
        for (byte b : bytes) {
            if (!Character.isWhitespace(b)) {
                return false;
            }
        }
        return true;
    }

    private static JsonNode readTree(Path file, byte[] bytes) {
        try {
            return MAPPER.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw notJson(file, e);
        } catch (IOException e) {
            throw new JournalException(String.format("journal [%s] could not be read: %s", file, e.getMessage()), e);
        }
    }

    private static JournalException notJson(Path file, JsonProcessingException e) {
        var at = e.getLocation();
        String where = at == null ? "" : String.format(" at line %d, column %d", at.getLineNr(), at.getColumnNr());
        return new JournalException(String.format("journal [%s] is not JSON%s: %s; a journal is the JSON file a run "
                + "writes", file, where, e.getOriginalMessage()), e);
    }

    private static void requireJournalShape(Path file, JsonNode tree) {
        if (!tree.isObject()) {
            throw new JournalException(String.format("file [%s] is not a journal: its top level is [%s], a journal is "
                    + "a JSON object with the keys [status], [experiment] and [run]", file,
                    tree.getNodeType().name().toLowerCase(java.util.Locale.ROOT)));
        }
        boolean hasStatus = tree.has("status") || tree.has("faultline");
        boolean hasBody = tree.has("run") || tree.has("steady_states") || tree.has("experiment");
        if (hasStatus && hasBody) {
            return;
        }
        if (tree.has("method") || tree.has("steady-state-hypothesis")) {
            throw new JournalException(String.format("file [%s] is an experiment, not a journal: run it with "
                    + "[faultline run %s] and pass the journal.json the run writes", file, file));
        }
        throw new JournalException(String.format("file [%s] is not a journal: it has none of the keys [status], "
                + "[run], [steady_states] (its keys are %s); pass the journal.json a run wrote", file, keys(tree)));
    }

    private static String keys(JsonNode tree) {
        List<String> names = new ArrayList<>();
        Iterator<String> it = tree.fieldNames();
        while (it.hasNext() && names.size() < 8) {
            names.add("[" + it.next() + "]");
        }
        return names.isEmpty() ? "none" : String.join(", ", names) + (it.hasNext() ? ", ..." : "");
    }

    private static String pointer(JsonMappingException e) {
        StringBuilder pointer = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            pointer.append('/').append(ref.getFieldName() != null ? ref.getFieldName() : ref.getIndex());
        }
        return pointer.length() == 0 ? "/" : pointer.toString();
    }
}

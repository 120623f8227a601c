package dev.faultline.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.faultline.journal.Journal;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Masks secrets again before anything is shown, whatever the journal did: values of keys named like a
 * credential become {@value #MASK}, and secret values the journal leaked (in the experiment's
 * configuration, its inline secrets, or under a credential-like key) are cut out of every text shown.
 */
public final class Redactor {

    public static final String MASK = "***";
    private static final Pattern SECRET_NAME = Pattern.compile(
            "(?i).*(secret|token|passw(or)?d|passwd|pwd|api[-_]?key|credential|private[-_]?key|access[-_]?key"
                    + "|authorization|bearer|cookie).*");
    private static final int SHORTEST_LEAK = 4;
    private static final Redactor NONE = new Redactor(List.of());

    private final List<String> leaked;

    private Redactor(List<String> leaked) {
        this.leaked = leaked;
    }

    /** A redactor for values that come from no journal: masks by key name only. */
    public static Redactor none() {
        return NONE;
    }

    /** A redactor that knows the secret values {@code journal} leaked. */
    public static Redactor of(Journal journal) {
        // Longest first, so a secret that contains another is cut out whole.
        Set<String> leaked = new TreeSet<>(Comparator.comparingInt(String::length).reversed()
                .thenComparing(Comparator.naturalOrder()));
        collect(journal.experiment().raw(), false, leaked);
        journal.faultlineData().ifPresent(f -> collect(f.configuration(), false, leaked));
        journal.experiment().secrets().fields().forEachRemaining(scope -> scope.getValue().fields()
                .forEachRemaining(secret -> addLeak(secret.getValue(), leaked)));
        return leaked.isEmpty() ? NONE : new Redactor(List.copyOf(leaked));
    }

    /** Whether a key such as {@code db_password} or {@code Authorization} names a credential. */
    public static boolean isSecretName(String key) {
        return key != null && SECRET_NAME.matcher(key).matches();
    }

    /** {@code text} with every leaked secret value replaced by {@value #MASK}. */
    public String scrub(String text) {
        if (text == null || leaked.isEmpty()) {
            return text;
        }
        String result = text;
        for (String secret : leaked) {
            if (result.contains(secret)) {
                result = result.replace(secret, MASK);
            }
        }
        return result;
    }

    /** A copy of {@code node} with credential-named values masked and leaked values scrubbed. */
    public JsonNode mask(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isObject()) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                boolean secret = isSecretName(field.getKey()) && !field.getValue().isNull()
                        && !field.getValue().isContainerNode();
                copy.set(scrub(field.getKey()), secret ? TextNode.valueOf(MASK) : mask(field.getValue()));
            }
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode(node.size());
            node.forEach(element -> copy.add(mask(element)));
            return copy;
        }
        if (node.isTextual() && !leaked.isEmpty()) {
            String scrubbed = scrub(node.textValue());
            return scrubbed.equals(node.textValue()) ? node : TextNode.valueOf(scrubbed);
        }
        return node;
    }

    private static void collect(JsonNode node, boolean underSecretKey, Set<String> leaked) {
        if (node.isObject()) {
            node.fields().forEachRemaining(f -> collect(f.getValue(), isSecretName(f.getKey()), leaked));
        } else if (node.isArray()) {
            node.forEach(element -> collect(element, false, leaked));
        } else if (underSecretKey) {
            addLeak(node, leaked);
        }
    }

    private static void addLeak(JsonNode value, Set<String> leaked) {
        if (value.isTextual() && value.textValue().length() >= SHORTEST_LEAK && !MASK.equals(value.textValue())) {
            leaked.add(value.textValue());
        }
    }
}

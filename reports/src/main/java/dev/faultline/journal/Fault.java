package dev.faultline.journal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.time.Instant;
import java.util.List;

/**
 * A fault the run injected (or tried to): where, what, when it was injected and undone, and the
 * evidence that it took effect.
 */
public record Fault(String id, String driver, String kind, String target, String description, String activity,
        Boolean reversible, Instant injectedAt, Instant undoneAt, Undo undo, List<Evidence> evidence) {

    public Fault {
        id = id == null ? "?" : id;
        undo = undo == null ? new Undo(null, null, null) : undo;
        evidence = Lists.copy(evidence);
    }

    /** How the fault was undone: {@code undone}, {@code failed}, {@code irreversible}, {@code not-applied}. */
    public record Undo(String status, String by, String error) {

        public Undo {
            status = status == null ? "unknown" : status;
        }

        public boolean failed() {
            return "failed".equals(status);
        }
    }

    /** One check that the fault took effect (or was removed), with what the check observed. */
    public record Evidence(Instant at, String check, Boolean ok, JsonNode observed) {

        public Evidence {
            observed = observed == null ? NullNode.getInstance() : observed;
        }
    }
}

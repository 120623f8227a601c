package dev.faultline.driver.toxiproxy;

import dev.faultline.driver.UndoContext;
import dev.faultline.driver.UndoSpec;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The undo actions of the Toxiproxy driver: built as ledger data before a fault is applied, and run
 * from that data alone, possibly by another process after a crash. Every undo treats "already
 * gone" (404) as done, so running one twice is harmless.
 */
final class Undos {

    static final String DELETE_TOXIC = "delete-toxic";
    static final String ENABLE_PROXY = "enable-proxy";
    static final String DELETE_PROXY = "delete-proxy";
    static final String RESTORE_PROXY = "restore-proxy";

    private Undos() {
    }

    static UndoSpec deleteToxic(String server, String proxy, String toxic) {
        return new UndoSpec(ToxiproxyDriver.NAME, DELETE_TOXIC, Map.of("server", server, "proxy", proxy, "toxic", toxic));
    }

    static UndoSpec enableProxy(String server, String proxy) {
        return new UndoSpec(ToxiproxyDriver.NAME, ENABLE_PROXY, Map.of("server", server, "proxy", proxy));
    }

    static UndoSpec deleteProxy(String server, String proxy) {
        return new UndoSpec(ToxiproxyDriver.NAME, DELETE_PROXY, Map.of("server", server, "proxy", proxy));
    }

    /** Puts back {@code previous} ({@code listen}, {@code upstream}, {@code enabled}: those that were changed). */
    static UndoSpec restoreProxy(String server, String proxy, Map<String, Object> previous) {
        Map<String, Object> args = new LinkedHashMap<>(previous);
        args.put("server", server);
        args.put("proxy", proxy);
        return new UndoSpec(ToxiproxyDriver.NAME, RESTORE_PROXY, args);
    }

    static void run(UndoSpec undo, UndoContext context) throws ToxiproxyException, InterruptedException {
        ToxiproxyClient client = ToxiproxyClient.of(undo.arg("server"), context.timeout());
        String proxy = undo.arg("proxy");
        switch (undo.action()) {
            case DELETE_TOXIC -> client.deleteToxic(proxy, undo.arg("toxic"));
            case DELETE_PROXY -> client.deleteProxy(proxy);
            case ENABLE_PROXY -> updateIfPresent(client, proxy, Map.of("enabled", true));
            case RESTORE_PROXY -> updateIfPresent(client, proxy, previousValues(undo));
            default -> throw new IllegalArgumentException("undo [" + ToxiproxyDriver.NAME + "/" + undo.action()
                    + "] is unknown: this ledger was written by a different Faultline version; undo it by hand ("
                    + undo.args() + ")");
        }
    }

    private static void updateIfPresent(ToxiproxyClient client, String proxy, Map<String, Object> changes)
            throws ToxiproxyException, InterruptedException {
        if (changes.isEmpty()) {
            return;
        }
        try {
            client.updateProxy(proxy, changes);
        } catch (ToxiproxyException e) {
            // A proxy that no longer exists has nothing left to restore.
            if (!e.notFound()) {
                throw e;
            }
        }
    }

    private static Map<String, Object> previousValues(UndoSpec undo) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String key : new String[] {"listen", "upstream"}) {
            if (undo.args().get(key) != null) {
                out.put(key, undo.arg(key));
            }
        }
        if (undo.args().get("enabled") != null) {
            out.put("enabled", Boolean.parseBoolean(undo.arg("enabled")));
        }
        return out;
    }
}

package dev.faultline.driver.toxiproxy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The clean-up steps experiments call as rollbacks. They succeed when there is nothing left to
 * clean, because a rollback may run after Faultline has already undone the same fault.
 */
final class ProxyCleanup {

    private ProxyCleanup() {
    }

    /** Enables the proxy; empty when it does not exist. */
    static Optional<Map<String, Object>> enable(ToxiproxyClient client, String proxy)
            throws ToxiproxyException, InterruptedException {
        try {
            return Optional.of(client.updateProxy(proxy, Map.of("enabled", true)).toMap());
        } catch (ToxiproxyException e) {
            if (e.notFound()) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Resets the server and says what the reset removed, read just before it. */
    static Map<String, Object> reset(ToxiproxyClient client) throws ToxiproxyException, InterruptedException {
        int toxics = 0;
        int disabled = 0;
        for (Proxy proxy : client.proxies()) {
            toxics += proxy.toxics().size();
            disabled += proxy.enabled() ? 0 : 1;
        }
        client.reset();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("server", client.server());
        out.put("toxics_removed", toxics);
        out.put("proxies_enabled", disabled);
        return out;
    }
}

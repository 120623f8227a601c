package dev.faultline.driver.toxiproxy;

/**
 * One call to the Toxiproxy API as a user would describe it, e.g. "create toxic [slow] on proxy
 * [inventory]", and what to advise when the server refuses it.
 *
 * @param description the operation, for messages
 * @param proxy the proxy it concerns, or {@code null}
 * @param toxic the toxic it concerns, or {@code null}
 */
record Operation(String description, String proxy, String toxic) {

    static Operation onServer(String description) {
        return new Operation(description, null, null);
    }

    static Operation onProxy(String verb, String proxy) {
        return new Operation(verb + " proxy [" + proxy + "]", proxy, null);
    }

    static Operation onToxic(String verb, String proxy, String toxic) {
        return new Operation(verb + " toxic [" + toxic + "] on proxy [" + proxy + "]", proxy, toxic);
    }

    /** What the user should do after the server answered {@code status} with {@code error}. */
    String advice(String server, int status, String error) {
        boolean aboutToxic = toxic != null && !error.contains("proxy");
        return switch (status) {
            case 404 -> aboutToxic
                    ? "Toxic [" + toxic + "] does not exist on proxy [" + proxy + "]; list them with GET " + server
                            + "/proxies/" + proxy + "/toxics."
                    : proxy != null
                    ? "Proxy [" + proxy + "] does not exist; create it first (toxiproxy/create-proxy or"
                            + " chaostoxi create_proxy) or check the name against GET " + server + "/proxies."
                    : "Check that [" + server + "] is a Toxiproxy 2.x API address (configuration [toxiproxy_url]).";
            case 409 -> aboutToxic ? toxicConflict(server) : proxyConflict(server);
            case 400 -> "The server rejected the request: check the toxic type, stream, attributes and"
                    + " listen/upstream addresses given to the activity.";
            case 405 -> "The server does not offer this call: check that [" + server + "] is a Toxiproxy 2.x server.";
            default -> status >= 500
                    ? "The server failed; read its log (a listen address already in use is a common cause)."
                    : "Check that [" + server + "] is a Toxiproxy 2.x API address (configuration [toxiproxy_url]).";
        };
    }

    String toxicConflict(String server) {
        return "An earlier run may have left it behind: run `faultline rollback`, remove it (DELETE " + server
                + "/proxies/" + proxy + "/toxics/" + toxic + "), or choose another toxic name.";
    }

    String proxyConflict(String server) {
        return "An earlier run may have left it behind: run `faultline rollback`, delete it (DELETE " + server
                + "/proxies/" + proxy + "), or choose another proxy name.";
    }
}

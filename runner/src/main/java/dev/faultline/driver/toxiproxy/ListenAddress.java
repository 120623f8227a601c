package dev.faultline.driver.toxiproxy;

import java.util.Set;

/**
 * Compares a requested listen address with the one the server reports: port 0 asks for any free
 * port, and wildcard hosts come back spelled differently ({@code 0.0.0.0} as {@code [::]}).
 */
final class ListenAddress {

    private static final Set<String> ANY_HOST = Set.of("", "0.0.0.0", "::", "[::]", "localhost");

    private ListenAddress() {
    }

    static boolean matches(String requested, String actual) {
        int r = requested.lastIndexOf(':');
        int a = actual.lastIndexOf(':');
        if (r < 0 || a < 0) {
            return requested.equals(actual);
        }
        String requestedHost = requested.substring(0, r);
        String requestedPort = requested.substring(r + 1);
        boolean hostOk = ANY_HOST.contains(requestedHost) || requestedHost.equals(actual.substring(0, a));
        boolean portOk = requestedPort.equals("0") || requestedPort.equals(actual.substring(a + 1));
        return hostOk && portOk;
    }
}

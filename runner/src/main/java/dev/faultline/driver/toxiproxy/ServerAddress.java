package dev.faultline.driver.toxiproxy;

import dev.faultline.driver.Invocation;
import dev.faultline.driver.Settings;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/**
 * Where the Toxiproxy API of a call lives: the argument {@code server}, else configuration
 * {@code toxiproxy_url}, else {@code toxiproxy_host} and {@code toxiproxy_port} (8474) as
 * chaostoolkit-toxiproxy reads them, else {@value #DEFAULT}.
 */
final class ServerAddress {

    static final String DEFAULT = "http://127.0.0.1:8474";
    static final int DEFAULT_PORT = 8474;

    private ServerAddress() {
    }

    static String of(Invocation call) {
        Optional<String> argument = call.arguments().optionalString("server").filter(s -> !s.isBlank());
        if (argument.isPresent()) {
            return normalize(argument.get());
        }
        return fromConfiguration(call.configuration());
    }

    static String fromConfiguration(Settings configuration) {
        Optional<String> url = configuration.string("toxiproxy_url").filter(s -> !s.isBlank());
        if (url.isPresent()) {
            return normalize(url.get());
        }
        Optional<String> host = configuration.string("toxiproxy_host").filter(s -> !s.isBlank());
        if (host.isPresent()) {
            String port = configuration.string("toxiproxy_port").filter(s -> !s.isBlank())
                    .orElse(String.valueOf(DEFAULT_PORT));
            return normalize("http://" + host.get().trim() + ":" + port.trim());
        }
        return DEFAULT;
    }

    /** Checks the address and drops trailing slashes, so paths can be appended. */
    static String normalize(String url) {
        String trimmed = url.trim();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        try {
            URI uri = new URI(trimmed);
            String scheme = uri.getScheme();
            if (scheme == null || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                throw invalid(url);
            }
            return trimmed;
        } catch (URISyntaxException e) {
            throw invalid(url);
        }
    }

    private static IllegalArgumentException invalid(String url) {
        return new IllegalArgumentException("Toxiproxy server address [" + url + "] is not an http(s) URL such as ["
                + DEFAULT + "]: check configuration [toxiproxy_url] (or the argument [server])");
    }
}

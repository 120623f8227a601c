package dev.faultline.driver.http;

import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Sends through {@link HttpURLConnection}: blocking, with the JDK's keep-alive connection cache.
 * For the short probes experiments are made of it costs a fraction of the asynchronous JDK client
 * (see docs/benchmarks.md). It cannot be interrupted mid-read; the engine does not wait for it (it
 * cancels the activity and moves on) and the read timeout bounds the abandoned call.
 */
final class BlockingTransport implements Exchange.Transport {

    /** Methods {@link HttpURLConnection} accepts; others go through {@link JdkTransport}. */
    static final Set<String> METHODS = Set.of("GET", "POST", "HEAD", "OPTIONS", "PUT", "DELETE", "TRACE");

    @Override
    public Exchange.Answer send(Exchange exchange) throws Exchange.Unreachable, Exchange.NoAnswer, IOException, InterruptedException {
        HttpURLConnection connection = (HttpURLConnection) exchange.uri().toURL().openConnection();
        if (!exchange.verifyTls() && connection instanceof HttpsURLConnection https) {
            SSLContext context = HttpClients.trustAll();
            https.setSSLSocketFactory(context.getSocketFactory());
            https.setHostnameVerifier((host, session) -> true);
        }
        connection.setConnectTimeout((int) Math.min(Integer.MAX_VALUE, exchange.connectTimeout().toMillis()));
        connection.setReadTimeout((int) Math.min(Integer.MAX_VALUE, exchange.readTimeout().toMillis()));
        connection.setInstanceFollowRedirects(true);
        connection.setRequestMethod(exchange.method());
        exchange.headers().forEach(connection::setRequestProperty);
        try {
            if (exchange.body() != null) {
                connection.setDoOutput(true);
                byte[] bytes = exchange.body().getBytes(StandardCharsets.UTF_8);
                connection.setFixedLengthStreamingMode(bytes.length);
                try (OutputStream out = connection.getOutputStream()) {
                    out.write(bytes);
                }
            }
            int status = connection.getResponseCode();
            String body = read(status >= 400 ? connection.getErrorStream() : connection.getInputStream());
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            return new Exchange.Answer(status, headers(connection), body);
        } catch (ConnectException | NoRouteToHostException | UnknownHostException e) {
            throw new Exchange.Unreachable(e instanceof UnknownHostException ? "unknown host" : "connection refused", e);
        } catch (SocketTimeoutException e) {
            if (e.getMessage() != null && e.getMessage().toLowerCase(Locale.ROOT).contains("connect")) {
                throw new Exchange.Unreachable("could not connect in time", e);
            }
            throw new Exchange.NoAnswer(e);
        }
    }

    private static String read(InputStream in) throws IOException {
        if (in == null) {
            return "";
        }
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Map<String, List<String>> headers(HttpURLConnection connection) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        connection.getHeaderFields().forEach((name, values) -> {
            if (name != null) {
                out.put(name.toLowerCase(Locale.ROOT), values);
            }
        });
        return out;
    }
}

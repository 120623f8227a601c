package dev.faultline.driver.http;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import java.net.http.HttpClient;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Shared keep-alive HTTP clients, one per (TLS verification, connect timeout) pair, because the JDK
 * client fixes both when it is built. Connections are reused across activities of a run.
 */
final class HttpClients {

    private record Key(boolean verifyTls, Duration connectTimeout) {
    }

    private static final Map<Key, HttpClient> CLIENTS = new ConcurrentHashMap<>();

    private HttpClients() {
    }

    static HttpClient get(boolean verifyTls, Duration connectTimeout) {
        return CLIENTS.computeIfAbsent(new Key(verifyTls, connectTimeout), HttpClients::build);
    }

    private static HttpClient build(Key key) {
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(key.connectTimeout());
        if (!key.verifyTls()) {
            // The JDK reads this once, when its HTTP client classes load; tolerable because it only
            // ever relaxes checks the experiment asked to relax.
            System.setProperty("jdk.internal.httpclient.disableHostnameVerification", "true");
            builder.sslContext(trustAll());
        }
        return builder.build();
    }

    static SSLContext trustAll() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new X509TrustManager() {
                @Override
                public void checkClientTrusted(X509Certificate[] chain, String authType) {
                }

                @Override
                public void checkServerTrusted(X509Certificate[] chain, String authType) {
                }

                @Override
                public X509Certificate[] getAcceptedIssuers() {
                    return new X509Certificate[0];
                }
            }}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot build a TLS context without verification", e);
        }
    }
}

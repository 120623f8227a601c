package dev.faultline.driver.kubernetes;

import dev.faultline.driver.ActivityFailedException;
import io.fabric8.kubernetes.api.model.NamedContext;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;

import java.io.File;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Builds real fabric8 clients from {@link Connection}s, with bounded connect and request times. */
final class KubernetesClients {

    static final int CONNECT_TIMEOUT_MILLIS = 10_000;
    static final int REQUEST_TIMEOUT_MILLIS = 30_000;

    private KubernetesClients() {
    }

    static KubernetesClient connect(Connection connection) throws ActivityFailedException {
        Config config = switch (connection.source()) {
            case KUBECONFIG -> fromKubeconfig(connection);
            case IN_CLUSTER -> Config.autoConfigure(null);
            case CREDENTIALS -> fromCredentials(connection.credentials());
        };
        config.setConnectionTimeout(CONNECT_TIMEOUT_MILLIS);
        config.setRequestTimeout(REQUEST_TIMEOUT_MILLIS);
        // A failed delete or patch is reported, not retried for minutes behind the run's back.
        config.setRequestRetryBackoffLimit(1);
        config.setRequestRetryBackoffInterval(200);
        return new KubernetesClientBuilder().withConfig(config).build();
    }

    private static Config fromKubeconfig(Connection connection) throws ActivityFailedException {
        Config config;
        try {
            config = Config.fromKubeconfig(connection.context(), new File(connection.kubeconfig()));
        } catch (KubernetesClientException e) {
            throw new ActivityFailedException("cannot read " + connection.describe() + ": " + e.getMessage()
                    + "; check the file with `kubectl config view`", e);
        }
        NamedContext current = config.getCurrentContext();
        if (connection.context() != null && (current == null || !connection.context().equals(current.getName()))) {
            List<String> known = config.getContexts() == null ? List.of()
                    : config.getContexts().stream().map(NamedContext::getName).toList();
            throw new ActivityFailedException("context [" + connection.context() + "] is not in kubeconfig ["
                    + connection.kubeconfig() + "]; known contexts: " + known
                    + "; fix configuration [kubernetes_context] or KUBERNETES_CONTEXT");
        }
        return config;
    }

    /** Chaos Toolkit's {@code KUBERNETES_HOST} settings; TLS is verified unless explicitly turned off. */
    private static Config fromCredentials(Map<String, String> values) {
        ConfigBuilder builder = new ConfigBuilder(Config.empty()).withMasterUrl(values.get("KUBERNETES_HOST"));
        String verify = values.getOrDefault("KUBERNETES_VERIFY_SSL", "true").trim().toLowerCase(Locale.ROOT);
        builder.withTrustCerts(verify.equals("false") || verify.equals("0") || verify.equals("no"));
        if (values.containsKey("KUBERNETES_CA_CERT_FILE")) {
            builder.withCaCertFile(values.get("KUBERNETES_CA_CERT_FILE"));
        }
        if (values.containsKey("KUBERNETES_API_KEY")) {
            builder.withOauthToken(values.get("KUBERNETES_API_KEY"));
        } else if (values.containsKey("KUBERNETES_CERT_FILE")) {
            builder.withClientCertFile(values.get("KUBERNETES_CERT_FILE"))
                    .withClientKeyFile(values.get("KUBERNETES_KEY_FILE"));
        } else if (values.containsKey("KUBERNETES_USERNAME")) {
            builder.withUsername(values.get("KUBERNETES_USERNAME"))
                    .withPassword(values.getOrDefault("KUBERNETES_PASSWORD", ""));
        }
        return builder.build();
    }
}

package dev.faultline.driver.kubernetes;

import dev.faultline.driver.ActivityFailedException;
import dev.faultline.driver.Settings;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides which {@link Connection} a call uses. In order: configuration {@code kubeconfig_path};
 * else the first existing file of {@code KUBECONFIG}, else {@code ~/.kube/config}; else the pod's
 * service account when running in a pod; else Chaos Toolkit's {@code KUBERNETES_HOST} settings
 * from secrets or the environment. The context comes from configuration {@code kubernetes_context},
 * else {@code KUBERNETES_CONTEXT} from secrets or the environment, else the file's current context.
 */
final class ConnectionResolver {

    static final String KUBECONFIG_PATH = "kubeconfig_path";
    static final String CONTEXT = "kubernetes_context";
    static final String CTK_CONTEXT = "KUBERNETES_CONTEXT";
    static final Path SERVICE_ACCOUNT = Path.of("/var/run/secrets/kubernetes.io/serviceaccount");

    /** Chaos Toolkit's names for a connection without kubeconfig. */
    static final List<String> CREDENTIAL_KEYS = List.of("KUBERNETES_HOST", "KUBERNETES_API_KEY",
            "KUBERNETES_API_KEY_PREFIX", "KUBERNETES_CERT_FILE", "KUBERNETES_KEY_FILE", "KUBERNETES_USERNAME",
            "KUBERNETES_PASSWORD", "KUBERNETES_VERIFY_SSL", "KUBERNETES_CA_CERT_FILE");

    private final Map<String, String> env;
    private final Path home;
    private final Path serviceAccount;

    ConnectionResolver(Map<String, String> env, Path home, Path serviceAccount) {
        this.env = Map.copyOf(env);
        this.home = home;
        this.serviceAccount = serviceAccount;
    }

    static ConnectionResolver system() {
        return new ConnectionResolver(System.getenv(), Path.of(System.getProperty("user.home")), SERVICE_ACCOUNT);
    }

    Connection resolve(Settings configuration, Map<String, Object> secrets) throws ActivityFailedException {
        Optional<String> explicitFile = configuration.string(KUBECONFIG_PATH).filter(s -> !s.isBlank());
        Optional<String> configuredContext = configuration.string(CONTEXT).filter(s -> !s.isBlank());
        String context = configuredContext.orElseGet(() -> lookup(CTK_CONTEXT, secrets));
        if (explicitFile.isPresent()) {
            Path file = expand(explicitFile.get());
            if (!Files.isRegularFile(file)) {
                throw new ActivityFailedException("configuration [" + KUBECONFIG_PATH + "] points at [" + file
                        + "], which is not a file; fix the path or remove the key to use KUBECONFIG or ~/.kube/config");
            }
            return Connection.kubeconfig(file.toString(), context);
        }
        Optional<Path> found = defaultKubeconfig();
        if (found.isPresent()) {
            return Connection.kubeconfig(found.get().toString(), context);
        }
        if (configuredContext.isPresent()) {
            throw new ActivityFailedException("configuration [" + CONTEXT + "] is [" + configuredContext.get()
                    + "] but no kubeconfig was found at [" + String.join(", ", kubeconfigCandidates())
                    + "]; set [" + KUBECONFIG_PATH + "] or KUBECONFIG");
        }
        if (inPod(secrets)) {
            return Connection.inCluster();
        }
        Map<String, String> credentials = credentials(secrets);
        if (credentials.containsKey("KUBERNETES_HOST")) {
            return Connection.credentials(credentials);
        }
        throw new ActivityFailedException("no Kubernetes cluster to talk to: no kubeconfig at ["
                + String.join(", ", kubeconfigCandidates()) + "], not running in a pod, and no KUBERNETES_HOST;"
                + " set configuration [" + KUBECONFIG_PATH + "] or the KUBECONFIG environment variable");
    }

    /**
     * The connection an undo uses, from what the fault ledger recorded. Credentials were never
     * recorded, so a {@code CREDENTIALS} connection is rebuilt from the environment.
     */
    Connection forUndo(Map<String, Object> recorded) throws ActivityFailedException {
        String source = String.valueOf(recorded.getOrDefault("connection", Connection.Source.KUBECONFIG.name()));
        Object context = recorded.get("context");
        return switch (Connection.Source.valueOf(source)) {
            case KUBECONFIG -> {
                Object file = recorded.get("kubeconfig");
                String path = file != null ? file.toString()
                        : defaultKubeconfig().map(Path::toString).orElseThrow(() -> new ActivityFailedException(
                                "cannot undo: no kubeconfig at [" + String.join(", ", kubeconfigCandidates()) + "]"));
                if (!Files.isRegularFile(Path.of(path))) {
                    throw new ActivityFailedException("cannot undo: the kubeconfig the fault was injected through ["
                            + path + "] is gone; put it back (with context [" + context + "]) and run the rollback again");
                }
                yield Connection.kubeconfig(path, context == null ? null : context.toString());
            }
            case IN_CLUSTER -> Connection.inCluster();
            case CREDENTIALS -> {
                Map<String, String> credentials = credentials(Map.of());
                if (!credentials.containsKey("KUBERNETES_HOST")) {
                    throw new ActivityFailedException("cannot undo: the fault was injected through KUBERNETES_HOST,"
                            + " which is not set in this environment; export it (and its credentials) and retry");
                }
                yield Connection.credentials(credentials);
            }
        };
    }

    private Map<String, String> credentials(Map<String, Object> secrets) {
        Map<String, String> credentials = new LinkedHashMap<>();
        for (String key : CREDENTIAL_KEYS) {
            String value = lookup(key, secrets);
            if (value != null) {
                credentials.put(key, value);
            }
        }
        return credentials;
    }

    private Optional<Path> defaultKubeconfig() {
        return kubeconfigCandidates().stream().map(this::expand).filter(Files::isRegularFile).findFirst();
    }

    private List<String> kubeconfigCandidates() {
        String variable = env.get("KUBECONFIG");
        if (variable != null && !variable.isBlank()) {
            return List.of(variable.split(File.pathSeparator)).stream().filter(s -> !s.isBlank()).toList();
        }
        return List.of(home.resolve(".kube").resolve("config").toString());
    }

    private boolean inPod(Map<String, Object> secrets) {
        if ("true".equalsIgnoreCase(lookup("CHAOSTOOLKIT_IN_POD", secrets))) {
            return true;
        }
        return env.containsKey("KUBERNETES_SERVICE_HOST") && Files.isRegularFile(serviceAccount.resolve("token"));
    }

    private String lookup(String key, Map<String, Object> secrets) {
        Object secret = secrets == null ? null : secrets.get(key);
        if (secret != null) {
            return secret.toString();
        }
        return env.get(key);
    }

    private Path expand(String path) {
        if (path.equals("~")) {
            return home;
        }
        if (path.startsWith("~/")) {
            return home.resolve(path.substring(2));
        }
        return Path.of(path);
    }
}

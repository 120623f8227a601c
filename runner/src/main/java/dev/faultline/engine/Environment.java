package dev.faultline.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.InetAddress;
import java.util.Map;

/** Who ran the experiment, where, and under which CI system, for the journal. */
final class Environment {

    private Environment() {
    }

    static String host() {
        String fromEnv = System.getenv("HOSTNAME");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return "unknown";
        }
    }

    static ObjectNode describe(String command) {
        ObjectNode node = new ObjectMapper().createObjectNode();
        node.put("user", System.getProperty("user.name"));
        node.put("host", host());
        node.put("cwd", System.getProperty("user.dir"));
        node.put("ci", ci(System.getenv()));
        node.put("command", command);
        node.put("java", System.getProperty("java.version"));
        return node;
    }

    static String ci(Map<String, String> env) {
        if (env.containsKey("GITHUB_ACTIONS")) {
            return "github-actions";
        }
        if (env.containsKey("GITLAB_CI")) {
            return "gitlab-ci";
        }
        if (env.containsKey("KUBERNETES_SERVICE_HOST")) {
            return "kubernetes";
        }
        if ("true".equalsIgnoreCase(env.get("CI"))) {
            return "ci";
        }
        return null;
    }
}

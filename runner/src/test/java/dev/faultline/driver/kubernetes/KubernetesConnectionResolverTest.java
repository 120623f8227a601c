package dev.faultline.driver.kubernetes;

import dev.faultline.driver.ActivityFailedException;
import dev.faultline.driver.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KubernetesConnectionResolverTest {

    @TempDir
    Path home;

    @Test
    void configuredKubeconfigPathWinsAndTildeMeansHome() throws Exception {
        Path file = write(home.resolve("clusters/prod.yaml"));
        write(home.resolve(".kube/config"));
        Connection connection = resolver(Map.of()).resolve(settings(Map.of("kubeconfig_path", "~/clusters/prod.yaml")),
                Map.of());

        assertThat(connection).isEqualTo(Connection.kubeconfig(file.toString(), null));
    }

    @Test
    void aConfiguredPathThatIsNotAFileIsAnError() {
        assertThatThrownBy(() -> resolver(Map.of()).resolve(settings(Map.of("kubeconfig_path", "/nope/config")),
                Map.of()))
                .isInstanceOf(ActivityFailedException.class)
                .hasMessageContaining("[kubeconfig_path]").hasMessageContaining("[/nope/config]");
    }

    @Test
    void kubeconfigVariableIsSearchedInOrderBeforeTheHomeDefault() throws Exception {
        write(home.resolve(".kube/config"));
        Path second = write(home.resolve("b.yaml"));
        String variable = home.resolve("missing.yaml") + File.pathSeparator + second;

        assertThat(resolver(Map.of("KUBECONFIG", variable)).resolve(Settings.empty(), Map.of()).kubeconfig())
                .isEqualTo(second.toString());
        assertThat(resolver(Map.of()).resolve(Settings.empty(), Map.of()).kubeconfig())
                .isEqualTo(home.resolve(".kube/config").toString());
    }

    @Test
    void contextComesFromConfigurationThenSecretsThenEnvironment() throws Exception {
        write(home.resolve(".kube/config"));
        ConnectionResolver resolver = resolver(Map.of("KUBERNETES_CONTEXT", "from-env"));

        assertThat(resolver.resolve(settings(Map.of("kubernetes_context", "from-config")),
                Map.of("KUBERNETES_CONTEXT", "from-secret")).context()).isEqualTo("from-config");
        assertThat(resolver.resolve(Settings.empty(), Map.of("KUBERNETES_CONTEXT", "from-secret")).context())
                .isEqualTo("from-secret");
        assertThat(resolver.resolve(Settings.empty(), Map.of()).context()).isEqualTo("from-env");
    }

    @Test
    void inAPodWithoutKubeconfigTheServiceAccountIsUsed() throws Exception {
        write(home.resolve("sa/token"));
        assertThat(resolver(Map.of("KUBERNETES_SERVICE_HOST", "10.0.0.1")).resolve(Settings.empty(), Map.of()).source())
                .isEqualTo(Connection.Source.IN_CLUSTER);
        assertThat(new ConnectionResolver(Map.of(), home, home.resolve("none")).resolve(Settings.empty(),
                Map.of("CHAOSTOOLKIT_IN_POD", "true")).source()).isEqualTo(Connection.Source.IN_CLUSTER);
    }

    @Test
    void aConfiguredContextWithoutAnyKubeconfigIsAnError() {
        assertThatThrownBy(() -> resolver(Map.of("KUBERNETES_SERVICE_HOST", "10.0.0.1"))
                .resolve(settings(Map.of("kubernetes_context", "prod")), Map.of()))
                .isInstanceOf(ActivityFailedException.class).hasMessageContaining("[prod]");
    }

    @Test
    void chaosToolkitHostSettingsAreTheLastResortAndNeverShownInMessages() throws Exception {
        Connection connection = resolver(Map.of("KUBERNETES_HOST", "https://api:6443")).resolve(Settings.empty(),
                Map.of("KUBERNETES_API_KEY", "s3cret"));

        assertThat(connection.source()).isEqualTo(Connection.Source.CREDENTIALS);
        assertThat(connection.credentials()).containsEntry("KUBERNETES_API_KEY", "s3cret");
        assertThat(connection.toString()).contains("https://api:6443").doesNotContain("s3cret");
    }

    @Test
    void nothingToConnectToSaysWhereItLooked() {
        assertThatThrownBy(() -> resolver(Map.of()).resolve(Settings.empty(), Map.of()))
                .isInstanceOf(ActivityFailedException.class)
                .hasMessageContaining(home.resolve(".kube/config").toString())
                .hasMessageContaining("KUBECONFIG");
    }

    @Test
    void undoRebuildsTheRecordedConnection() throws Exception {
        Path file = write(home.resolve("prod.yaml"));
        ConnectionResolver resolver = resolver(Map.of());

        assertThat(resolver.forUndo(Map.of("connection", "KUBECONFIG", "kubeconfig", file.toString(), "context", "prod")))
                .isEqualTo(Connection.kubeconfig(file.toString(), "prod"));
        assertThat(resolver.forUndo(Map.of("connection", "IN_CLUSTER"))).isEqualTo(Connection.inCluster());
        assertThatThrownBy(() -> resolver.forUndo(Map.of("connection", "KUBECONFIG", "kubeconfig", "/gone/config")))
                .isInstanceOf(ActivityFailedException.class).hasMessageContaining("[/gone/config]");
        assertThatThrownBy(() -> resolver.forUndo(Map.of("connection", "CREDENTIALS")))
                .isInstanceOf(ActivityFailedException.class).hasMessageContaining("KUBERNETES_HOST");
    }

    private ConnectionResolver resolver(Map<String, String> env) {
        return new ConnectionResolver(env, home, home.resolve("sa"));
    }

    private static Settings settings(Map<String, Object> values) {
        return new Settings(values);
    }

    private static Path write(Path file) throws Exception {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, "apiVersion: v1\nkind: Config\n");
    }
}

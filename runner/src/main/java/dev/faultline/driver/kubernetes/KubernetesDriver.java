package dev.faultline.driver.kubernetes;

import dev.faultline.driver.ActivityFailedException;
import dev.faultline.driver.Driver;
import dev.faultline.driver.DriverFunction;
import dev.faultline.driver.Settings;
import dev.faultline.driver.UndoContext;
import dev.faultline.driver.UndoSpec;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Kills pods, scales and restarts deployments, and checks pods and deployments in a Kubernetes
 * cluster, under the Chaos Toolkit {@code chaosk8s.*} names and Faultline's {@code kubernetes/*}
 * names. Scales are undone from the fault ledger; pod kills are recorded as irreversible.
 *
 * <p>Creating the driver and listing its functions loads no Kubernetes client: one client per
 * connection is created on the first call and shared. Random pod selection uses one seed per driver
 * (so per run) unless configuration {@code kubernetes_random_seed} or the {@code seed} argument
 * sets one, which is what makes a plan and the kill that follows it pick the same pods.
 */
public final class KubernetesDriver implements Driver {

    public static final String NAME = ClusterCall.DRIVER;

    /** Configuration key naming the namespace that holds run-lock leases. */
    public static final String LOCK_NAMESPACE = "kubernetes_lock_namespace";

    private final ClientFactory factory;
    private final ConnectionResolver resolver;
    private final long seed;
    private final List<DriverFunction> functions;
    private volatile Clusters clusters;

    public KubernetesDriver() {
        // The seed only spreads pod picks; a SecureRandom would add start-up time to every command.
        this(null, ConnectionResolver.system(), ThreadLocalRandom.current().nextLong());
    }

    /** @param factory creates clients; {@code null} for real ones (resolved only on first use) */
    KubernetesDriver(ClientFactory factory, ConnectionResolver resolver, long seed) {
        this.factory = factory;
        this.resolver = resolver;
        this.seed = seed;
        List<DriverFunction> all = new ArrayList<>();
        all.addAll(NativeFunctions.all(this::clusters));
        all.addAll(PodFunctions.all(this::clusters));
        all.addAll(DeploymentFunctions.all(this::clusters));
        this.functions = List.copyOf(all);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<DriverFunction> functions() {
        return functions;
    }

    @Override
    public void undo(UndoSpec undo, UndoContext context) throws Exception {
        if (!ScaleUndo.ACTION.equals(undo.action())) {
            throw new IllegalArgumentException("the kubernetes driver cannot undo [" + undo.action()
                    + "]; it only knows [" + ScaleUndo.ACTION + "]");
        }
        try {
            ScaleUndo.undo(clusters(), undo, context.timeout());
        } catch (RuntimeException e) {
            throw ApiErrors.translate("undo " + NAME + "/" + undo.action(), e);
        }
    }

    /**
     * The run lock for the cluster the configuration and secrets point at, kept as Leases in
     * configuration {@value #LOCK_NAMESPACE} (default {@code default}).
     */
    public RunLease runLease(Settings configuration, Map<String, Object> secrets, Duration timeout)
            throws ActivityFailedException {
        Connection connection = resolver.resolve(configuration, secrets);
        String namespace = configuration.string(LOCK_NAMESPACE).filter(s -> !s.isBlank()).orElse("default");
        return new RunLease(clusters().open(connection, timeout).client(), namespace, Clock.systemUTC());
    }

    private Clusters clusters() {
        Clusters current = clusters;
        if (current == null) {
            synchronized (this) {
                current = clusters;
                if (current == null) {
                    current = new Clusters(factory != null ? factory : KubernetesClients::connect, resolver, seed);
                    clusters = current;
                }
            }
        }
        return current;
    }
}

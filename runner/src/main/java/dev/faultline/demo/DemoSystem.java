package dev.faultline.demo;

import dev.faultline.driver.toxiproxy.ToxiproxyClient;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The system the demo runs faults against: inventory, a Toxiproxy proxy in front of it (when a
 * Toxiproxy server is available), storefront calling inventory through that proxy, and Prometheus
 * scraping both (when available). Everything binds to 127.0.0.1 on free ports and is stopped by
 * {@link #close()}, which reports anything left behind.
 */
final class DemoSystem implements AutoCloseable {

    static final String PROXY = "inventory";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final List<String> SERVICE_JVM = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m");

    private final Path root;
    private final Path logs;
    private final PrintWriter out;
    private final List<ManagedProcess> processes = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Object> variables = new LinkedHashMap<>();
    private final List<String> skipped = new ArrayList<>();

    DemoSystem(Path root, Path logs, PrintWriter out) {
        this.root = root;
        this.logs = logs;
        this.out = out;
    }

    /** Configuration values for the demo experiments: service URLs, Toxiproxy and Prometheus addresses. */
    Map<String, Object> variables() {
        return Collections.unmodifiableMap(variables);
    }

    /** What the demo runs without, and why. */
    List<String> skipped() {
        return List.copyOf(skipped);
    }

    boolean has(String variable) {
        return variables.containsKey(variable);
    }

    void start(String toxiproxyUrl) throws IOException, InterruptedException {
        int inventoryPort = Tools.freePort();
        CompletableFuture<ManagedProcess> inventory = async(() -> service("inventory", inventoryPort, Map.of()));
        Optional<String> toxiproxy = toxiproxy(toxiproxyUrl);
        String inventoryUrl = "http://127.0.0.1:" + inventoryPort;
        join(inventory);
        variables.put("inventory_url", inventoryUrl);
        variables.put("inventory_actuator_url", inventoryUrl + "/actuator");
        String storefrontUpstream = inventoryUrl;
        if (toxiproxy.isPresent()) {
            int proxyPort = Tools.freePort();
            try {
                ToxiproxyClient client = ToxiproxyClient.of(toxiproxy.get(), Duration.ofSeconds(5));
                if (client.proxy(PROXY).isPresent()) {
                    client.deleteProxy(PROXY);
                }
                client.createProxy(PROXY, "127.0.0.1:" + proxyPort, "127.0.0.1:" + inventoryPort, true);
            } catch (Exception e) {
                throw new IOException("cannot create the [" + PROXY + "] proxy on " + toxiproxy.get() + ": " + e.getMessage(), e);
            }
            storefrontUpstream = "http://127.0.0.1:" + proxyPort;
            variables.put("toxiproxy_url", toxiproxy.get());
            variables.put("inventory_proxy", PROXY);
            variables.put("inventory_via_proxy_url", storefrontUpstream);
            out.println("demo: inventory reached through Toxiproxy proxy [" + PROXY + "] at " + storefrontUpstream);
        }
        int storefrontPort = Tools.freePort();
        String upstream = storefrontUpstream;
        CompletableFuture<ManagedProcess> storefront = async(() -> service("storefront", storefrontPort,
                Map.of("demo.inventory.base-url", upstream)));
        CompletableFuture<Void> prometheus = async(() -> {
            prometheus(inventoryPort, storefrontPort);
            return null;
        });
        join(storefront);
        join(prometheus);
        variables.put("storefront_url", "http://127.0.0.1:" + storefrontPort);
    }

    private ManagedProcess service(String name, int port, Map<String, String> properties) throws IOException, InterruptedException {
        Path jar = root.resolve("demo").resolve(name).resolve("target").resolve(name + ".jar");
        if (!Files.isRegularFile(jar)) {
            throw new IOException(jar + " is missing: build it with `mvn -B -pl demo/inventory,demo/storefront package -DskipTests`"
                    + " (./faultline demo does this on first use)");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(SERVICE_JVM);
        command.add("-jar");
        command.add(jar.toString());
        command.add("--server.port=" + port);
        command.add("--server.address=127.0.0.1");
        properties.forEach((k, v) -> command.add("--" + k + "=" + v));
        ManagedProcess process = ManagedProcess.start(name, command, logs.resolve(name + ".log"), port);
        processes.add(process);
        out.println("demo: starting " + name + " on 127.0.0.1:" + port);
        process.awaitHttp("http://127.0.0.1:" + port + "/ready", START_TIMEOUT);
        return process;
    }

    private Optional<String> toxiproxy(String configured) throws IOException, InterruptedException {
        if (configured != null) {
            try {
                ToxiproxyClient.of(configured, Duration.ofSeconds(3)).version();
                return Optional.of(configured);
            } catch (Exception e) {
                skipped.add("Toxiproxy experiments: no Toxiproxy server answers at " + configured + " (" + e.getMessage() + ")");
                return Optional.empty();
            }
        }
        Optional<Path> binary = Tools.toxiproxy();
        if (binary.isEmpty()) {
            skipped.add("Toxiproxy experiments: toxiproxy-server is not on PATH (install it with "
                    + "`go install github.com/Shopify/toxiproxy/v2/cmd/server@v2.12.0` and rename `server`, or pass --toxiproxy-url)");
            return Optional.empty();
        }
        int port = Tools.freePort();
        ManagedProcess process = ManagedProcess.start("toxiproxy", List.of(binary.get().toString(), "-host", "127.0.0.1",
                "-port", Integer.toString(port)), logs.resolve("toxiproxy.log"), port);
        processes.add(process);
        String url = "http://127.0.0.1:" + port;
        process.awaitHttp(url + "/version", Duration.ofSeconds(20));
        out.println("demo: started toxiproxy-server on 127.0.0.1:" + port);
        return Optional.of(url);
    }

    private void prometheus(int inventoryPort, int storefrontPort) throws IOException, InterruptedException {
        Optional<Path> binary = Tools.prometheus();
        if (binary.isEmpty()) {
            skipped.add("Prometheus-based SLO probes and guards: prometheus is not on PATH (apt-get install prometheus)");
            return;
        }
        int port = Tools.freePort();
        Path dir = logs.resolve("prometheus");
        Files.createDirectories(dir);
        Path config = Files.writeString(dir.resolve("prometheus.yml"), """
                global:
                  scrape_interval: 1s
                  evaluation_interval: 1s
                scrape_configs:
                  - job_name: demo
                    metrics_path: /actuator/prometheus
                    static_configs:
                      - targets: ["127.0.0.1:%d", "127.0.0.1:%d"]
                """.formatted(inventoryPort, storefrontPort));
        ManagedProcess process = ManagedProcess.start("prometheus", List.of(binary.get().toString(),
                "--config.file=" + config, "--storage.tsdb.path=" + dir.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port), logs.resolve("prometheus.log"), port);
        processes.add(process);
        String url = "http://127.0.0.1:" + port;
        process.awaitHttp(url + "/-/ready", Duration.ofSeconds(60));
        variables.put("prometheus_base_url", url);
        out.println("demo: started prometheus on 127.0.0.1:" + port + " (scraping both services every second)");
    }

    /** Stops everything, newest first; returns what could not be cleaned up. */
    List<String> stop() {
        List<String> problems = new ArrayList<>();
        List<ManagedProcess> newestFirst;
        synchronized (processes) {
            newestFirst = new ArrayList<>(processes);
            processes.clear();
        }
        Collections.reverse(newestFirst);
        for (ManagedProcess process : newestFirst) {
            String problem = process.stop();
            if (problem != null) {
                problems.add(problem);
            }
        }
        return problems;
    }

    @Override
    public void close() {
        stop();
    }

    private interface Step<T> {
        T run() throws Exception;
    }

    private static <T> CompletableFuture<T> async(Step<T> step) {
        CompletableFuture<T> future = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                future.complete(step.run());
            } catch (Throwable e) {
                future.completeExceptionally(e);
            }
        }, "faultline-demo-start");
        thread.setDaemon(true);
        thread.start();
        return future;
    }

    private static <T> T join(CompletableFuture<T> future) throws IOException, InterruptedException {
        try {
            return future.get();
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof InterruptedException interrupted) {
                throw interrupted;
            }
            throw new IOException(cause.getMessage(), cause);
        }
    }
}

package dev.faultline.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/**
 * A demo service ({@code inventory} or {@code storefront}) running from its built jar in its own
 * JVM on a free loopback port, for tests that need the real application. {@link #start()} returns
 * once {@code /ready} answers 200; {@link #close()} stops the process and checks nothing is left.
 *
 * <pre>{@code
 * try (DemoService inventory = DemoService.inventory().start()) {
 *     URI stock = inventory.uri("/api/stock");
 * }
 * }</pre>
 */
public final class DemoService implements AutoCloseable {

    public static final Duration DEFAULT_STARTUP_TIMEOUT = Duration.ofSeconds(90);
    /** C1 only and the serial collector: the demo starts faster on small, shared machines. */
    public static final List<String> DEFAULT_JVM_ARGUMENTS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m");
    private static final long STOP_GRACE_SECONDS = 10;

    private final String name;
    private final int port;
    private final Process process;
    private final Path log;
    private final Path portFile;
    private final Thread reaper;

    private DemoService(String name, int port, Process process, Path log, Path portFile) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.log = log;
        this.portFile = portFile;
        this.reaper = new Thread(process::destroyForcibly, "demo-" + name + "-reaper");
        Runtime.getRuntime().addShutdownHook(reaper);
    }

    public static Builder inventory() {
        return new Builder("inventory");
    }

    public static Builder storefront() {
        return new Builder("storefront");
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    /** {@code http://127.0.0.1:<port>}, without a trailing slash. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** The actuator base, e.g. for Chaos Monkey's {@code base_url}. */
    public String actuatorUrl() {
        return baseUrl() + "/actuator";
    }

    public URI uri(String path) {
        return URI.create(baseUrl() + (path.startsWith("/") ? path : "/" + path));
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The exit code once the process has ended. */
    public OptionalInt exitCode() {
        return process.isAlive() ? OptionalInt.empty() : OptionalInt.of(process.exitValue());
    }

    public Path log() {
        return log;
    }

    /** The last {@code lines} lines of the service's output, for failure messages. */
    public String logTail(int lines) {
        return tail(log, lines);
    }

    /**
     * Stops the service: a graceful signal first, then a forced kill after 10 s (each).
     *
     * @throws IllegalStateException when the process, a child of it, or its port is still alive afterwards
     */
    @Override
    public void close() {
        try {
            List<ProcessHandle> children = process.descendants().toList();
            process.destroy();
            if (!process.waitFor(STOP_GRACE_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(STOP_GRACE_SECONDS, TimeUnit.SECONDS);
            }
            children.forEach(ProcessHandle::destroyForcibly);
            List<String> left = new ArrayList<>();
            if (process.isAlive()) {
                left.add("process " + process.pid());
            }
            children.stream().filter(ProcessHandle::isAlive).forEach(child -> left.add("child process " + child.pid()));
            if (accepts(port)) {
                left.add("a listener on port " + port);
            }
            if (!left.isEmpty()) {
                throw new IllegalStateException("demo service [" + name + "] was stopped but " + left + " is still there; kill it by hand");
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } finally {
            removeReaper();
            deletePortFile();
        }
    }

    /** A stale port file would tell the next launcher on this port that it is up before it is. */
    private void deletePortFile() {
        try {
            Files.deleteIfExists(portFile);
        } catch (IOException ignored) {
            // Leaving it only costs disk space: every start deletes its port file first.
        }
    }

    private void removeReaper() {
        try {
            Runtime.getRuntime().removeShutdownHook(reaper);
        } catch (IllegalStateException alreadyShuttingDown) {
            // The hook is running or about to: nothing to remove.
        }
    }

    static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(log [" + file + "] unreadable: " + e.getMessage() + ")";
        }
    }

    /** Configures and starts one demo service. */
    public static final class Builder {

        private final String name;
        private final Map<String, String> properties = new LinkedHashMap<>();
        private final List<String> jvmArguments = new ArrayList<>(DEFAULT_JVM_ARGUMENTS);
        private Duration startupTimeout = DEFAULT_STARTUP_TIMEOUT;
        private int port;

        private Builder(String name) {
            this.name = name;
        }

        /** A Spring property passed as {@code --key=value}, e.g. {@code demo.inventory.base-url}. */
        public Builder property(String key, Object value) {
            properties.put(key, String.valueOf(value));
            return this;
        }

        public Builder jvmArgument(String argument) {
            jvmArguments.add(argument);
            return this;
        }

        public Builder startupTimeout(Duration timeout) {
            this.startupTimeout = timeout;
            return this;
        }

        /** A fixed port; by default a free loopback port is picked. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /**
         * Starts the jar and waits until {@code /ready} answers 200. Skips (outside CI) or fails
         * (under CI) when the jar has not been built.
         *
         * @throws IllegalStateException when the service exits or is not ready in time; the message ends with its log
         */
        public DemoService start() {
            Path jar = DemoJars.require(name);
            int chosen = port > 0 ? port : FreePorts.next();
            try {
                Path dir = logDirectory();
                Path log = dir.resolve(name + "-" + chosen + ".log");
                Path portFile = dir.resolve(name + "-" + chosen + ".port");
                Files.deleteIfExists(portFile);
                List<String> command = new ArrayList<>();
                command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
                command.addAll(jvmArguments);
                command.addAll(List.of("-jar", jar.toString(), "--server.address=127.0.0.1", "--server.port=" + chosen,
                        "--demo.port-file=" + portFile, "--spring.output.ansi.enabled=never"));
                properties.forEach((key, value) -> command.add("--" + key + "=" + value));
                Process process = new ProcessBuilder(command)
                        .directory(dir.toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(log.toFile())
                        .start();
                DemoService service = new DemoService(name, chosen, process, log, portFile);
                ReadinessWait.until(service, portFile, startupTimeout);
                return service;
            } catch (IOException e) {
                throw new UncheckedIOException("could not start demo service [" + name + "] from [" + jar + "]", e);
            }
        }

        private static Path logDirectory() throws IOException {
            Path target = Path.of("target");
            Path dir = Files.isDirectory(target) ? target.resolve("demo-services") : Files.createTempDirectory("faultline-demo");
            return Files.createDirectories(dir).toAbsolutePath();
        }
    }
}

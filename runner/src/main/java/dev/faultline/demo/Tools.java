package dev.faultline.demo;

import dev.faultline.load.Executables;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds the optional servers the demo can use, and free loopback ports for everything it starts. */
final class Tools {

    private Tools() {
    }

    /** toxiproxy-server on PATH, or the `server` binary `go install` leaves in ~/go/bin. */
    static Optional<Path> toxiproxy() {
        Optional<Path> onPath = Executables.resolve("toxiproxy-server");
        if (onPath.isPresent()) {
            return onPath;
        }
        for (String name : new String[] {"toxiproxy-server", "server"}) {
            Path candidate = Path.of(System.getProperty("user.home"), "go", "bin", name);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    static Optional<Path> prometheus() {
        return Executables.resolve("prometheus");
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}

package dev.faultline.demo.storefront;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The storefront pointed at a port where nothing listens: it starts, stays ready and falls back. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StorefrontWithoutInventoryTest {

    @TempDir
    static Path dir;

    @DynamicPropertySource
    static void unreachableInventory(DynamicPropertyRegistry registry) {
        registry.add("demo.inventory.base-url", () -> "http://127.0.0.1:" + closedPort());
        registry.add("demo.port-file", () -> dir.resolve("storefront.port").toString());
    }

    @LocalServerPort
    int port;

    @Test
    void answersWithUnknownStockAndAFallbackMarker() throws Exception {
        Http http = new Http(port);

        Http.Timed products = http.get("/api/products");
        assertThat(products.status()).isEqualTo(200);
        assertThat(products.header("X-Fallback")).isEqualTo("true");
        assertThat(products.header("X-Fallback-Reason")).startsWith("inventory unavailable");
        assertThat(products.body()).contains("\"sku\":\"SKU-1001\"").doesNotContainPattern("\"stock\":\\d");
        assertThat(products.took()).isLessThan(Duration.ofSeconds(1));

        Http.Timed one = http.get("/api/products/SKU-1001");
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.header("X-Fallback")).isEqualTo("true");
        assertThat(one.body()).contains("\"stock\":\"unknown\"");

        assertThat(http.get("/ready").status()).as("a missing dependency does not make the storefront unready").isEqualTo(200);
    }

    @Test
    void writesTheBoundPortToThePortFile() throws IOException {
        assertThat(Files.readString(dir.resolve("storefront.port")).trim()).isEqualTo(Integer.toString(port));
    }

    /** A loopback port that was free a moment ago and is now closed, so connections are refused. */
    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

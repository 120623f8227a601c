package dev.faultline.demo.storefront;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The storefront over real HTTP against an inventory stand-in that answers, then answers slowly. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability
class StorefrontTest {

    static final StubInventory INVENTORY = new StubInventory();

    @DynamicPropertySource
    static void inventory(DynamicPropertyRegistry registry) {
        registry.add("demo.inventory.base-url", INVENTORY::baseUrl);
    }

    @AfterAll
    static void stopInventory() {
        INVENTORY.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    CircuitBreakerRegistry circuitBreakers;

    Http http;

    @BeforeEach
    void healthyInventoryAndClosedCircuit() {
        INVENTORY.delay(Duration.ZERO);
        INVENTORY.failWith(0);
        circuitBreakers.circuitBreaker("inventory").reset();
        http = new Http(port);
    }

    @Test
    void listsProductsWithTheStockInventoryReports() throws Exception {
        Http.Timed products = http.get("/api/products");

        assertThat(products.status()).isEqualTo(200);
        assertThat(products.header("X-Fallback")).isEqualTo("false");
        assertThat(products.header("X-Fallback-Reason")).isNull();
        assertThat(products.body())
                .contains("{\"sku\":\"SKU-1001\",\"name\":\"Trail running shoe\",\"priceCents\":12900,\"stock\":42}")
                .contains("{\"sku\":\"SKU-1003\",\"name\":\"Head torch\",\"priceCents\":3900,\"stock\":\"unknown\"}");
    }

    @Test
    void showsOneProductAndAnswers404ForUnknownOnes() throws Exception {
        Http.Timed one = http.get("/api/products/SKU-1002");
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.body()).isEqualTo("{\"sku\":\"SKU-1002\",\"name\":\"Rain jacket\",\"priceCents\":18900,\"stock\":7}");

        assertThat(http.get("/api/products/SKU-9999").status()).isEqualTo(404);
        assertThat(http.get("/api/products/bad%20sku").status()).isEqualTo(404);
    }

    @Test
    void slowInventoryFallsBackWithinTheTimeLimiterThenOpensTheCircuit() throws Exception {
        INVENTORY.delay(Duration.ofSeconds(2));

        Http.Timed first = http.get("/api/products");
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.header("X-Fallback")).isEqualTo("true");
        assertThat(first.header("X-Fallback-Reason")).isEqualTo("inventory did not answer within 300 ms");
        assertThat(first.body()).contains("\"stock\":\"unknown\"").doesNotContain("\"stock\":42");
        assertThat(first.took()).as("answered before inventory did").isLessThan(Duration.ofMillis(1500));

        for (int i = 0; i < 4; i++) {
            http.get("/api/products");
        }
        Http.Timed open = http.get("/api/products");
        assertThat(open.header("X-Fallback-Reason")).isEqualTo("circuit breaker [inventory] is OPEN");
        assertThat(http.get("/actuator/prometheus").body())
                .contains("resilience4j_circuitbreaker_state{application=\"storefront\",name=\"inventory\",state=\"open\"} 1.0");
    }

    @Test
    void inventoryServerErrorsFallBackWithTheStatusInTheReason() throws Exception {
        INVENTORY.failWith(500);

        Http.Timed products = http.get("/api/products");

        assertThat(products.status()).isEqualTo(200);
        assertThat(products.header("X-Fallback")).isEqualTo("true");
        assertThat(products.header("X-Fallback-Reason"))
                .isEqualTo("inventory unavailable: inventory answered [500] for [" + INVENTORY.baseUrl() + "/api/stock]");
    }

    @Test
    void answersProbesAndExportsRequestHistograms() throws Exception {
        for (String path : new String[] {"/health", "/live", "/ready"}) {
            assertThat(http.get(path).status()).as(path).isEqualTo(200);
        }
        http.get("/api/products");
        String metrics = http.get("/actuator/prometheus").body();
        assertThat(metrics)
                .containsPattern("http_server_requests_seconds_bucket\\{[^}]*uri=\"/api/products\"[^}]*le=\"")
                .contains("resilience4j_circuitbreaker_state{application=\"storefront\",name=\"inventory\",state=\"closed\"} 1.0");
        assertThat(http.get("/actuator/circuitbreakers").body()).contains("\"inventory\"");
    }
}

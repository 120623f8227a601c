package dev.faultline.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faultline.driver.toxiproxy.ToxiproxyClient;
import dev.faultline.ledger.FaultLedger;
import dev.faultline.testkit.DemoService;
import dev.faultline.testkit.ToxiproxyServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The write-ahead ledger's promise, against real servers: a run that injects a Toxiproxy toxic and
 * a Chaos Monkey assault is killed with {@code kill -9} at several points; {@code faultline rollback}
 * then leaves no toxic on the Toxiproxy server and the monkey disabled with its assaults restored.
 */
class CrashRecoveryIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static ToxiproxyServer toxiproxy;
    private static DemoService inventory;

    /** Where the run is killed. */
    enum KillPoint {
        /** As soon as the first ledger entry exists: the toxic may or may not be applied yet. */
        FIRST_LEDGER_ENTRY,
        /** The toxic is listed by the server; the monkey is not touched yet. */
        TOXIC_IN_PLACE,
        /** Both faults are in place and the run is waiting. */
        BOTH_FAULTS_IN_PLACE
    }

    @TempDir
    Path dir;

    @BeforeAll
    static void servers() throws Exception {
        toxiproxy = ToxiproxyServer.start();
        inventory = DemoService.inventory().start();
        ToxiproxyClient.of(toxiproxy.url(), Duration.ofSeconds(5)).createProxy("crash", "127.0.0.1:0",
                "127.0.0.1:" + inventory.port(), true);
    }

    @AfterAll
    static void stop() {
        if (inventory != null) {
            inventory.close();
        }
        if (toxiproxy != null) {
            toxiproxy.close();
        }
    }

    @ParameterizedTest
    @EnumSource(KillPoint.class)
    void rollbackAfterKillMinusNineLeavesNothingInjected(KillPoint point) throws Exception {
        Path ledger = dir.resolve("ledger.jsonl");
        Path experiment = Files.writeString(dir.resolve("crash.yaml"), """
                title: Two faults, then a long wait
                description: Killed mid-run by the test; the ledger must let rollback clean up.
                method:
                  - type: action
                    name: slow-inventory
                    provider: {type: toxiproxy, func: latency, arguments: {proxy: crash, latency: 700, server: "%s"}}
                  - type: action
                    name: throw
                    provider:
                      type: python
                      module: chaosspring.actions
                      func: change_assaults_configuration
                      arguments:
                        base_url: "%s"
                        assaults_configuration: {level: 1, exceptionsActive: true}
                  - type: action
                    name: enable-monkey
                    provider: {type: python, module: chaosspring.actions, func: enable_chaosmonkey, arguments: {base_url: "%s"}}
                  - type: probe
                    name: wait
                    provider: {type: process, path: sleep, arguments: ["60"]}
                """.formatted(toxiproxy.url(), inventory.actuatorUrl(), inventory.actuatorUrl()));
        try (FaultlineProcess run = FaultlineProcess.start(dir, Map.of(), "run", experiment.toString(),
                "--journal", dir.resolve("journal.json").toString(), "--ledger", ledger.toString())) {
            switch (point) {
                case FIRST_LEDGER_ENTRY -> FaultlineProcess.await(() -> Files.exists(ledger) && size(ledger) > 0,
                        Duration.ofSeconds(60), "the first ledger entry");
                case TOXIC_IN_PLACE -> FaultlineProcess.await(() -> toxics() > 0, Duration.ofSeconds(60), "the toxic");
                case BOTH_FAULTS_IN_PLACE -> FaultlineProcess.await(() -> monkeyEnabled(), Duration.ofSeconds(60), "the monkey");
            }
            run.signal("KILL");
            run.waitFor(Duration.ofSeconds(10));
        }
        assertThat(Files.exists(dir.resolve("journal.json"))).as("a killed run writes no journal").isFalse();
        assertThat(new FaultLedger(ledger).open()).as("the ledger remembers what was open").isNotEmpty();
        try (FaultlineProcess rollback = FaultlineProcess.start(dir, Map.of(), "rollback", "--ledger", ledger.toString())) {
            assertThat(rollback.waitFor(Duration.ofSeconds(60))).as(rollback.output()).isZero();
        }
        assertThat(toxics()).as("toxics left on the Toxiproxy server").isZero();
        assertThat(monkeyEnabled()).as("Chaos Monkey enabled").isFalse();
        JsonNode assaults = get(inventory.actuatorUrl() + "/chaosmonkey/assaults");
        assertThat(assaults.path("exceptionsActive").asBoolean()).as("exception assault active").isFalse();
        assertThat(new FaultLedger(ledger).open()).isEmpty();
        assertThat(HTTP.send(HttpRequest.newBuilder(inventory.uri("/api/stock")).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode()).isEqualTo(200);
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (Exception e) {
            return 0;
        }
    }

    /** A client per call: its time budget starts when it is made. */
    private static int toxics() {
        try {
            return ToxiproxyClient.of(toxiproxy.url(), Duration.ofSeconds(5)).toxics("crash").size();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static boolean monkeyEnabled() {
        try {
            return get(inventory.actuatorUrl() + "/chaosmonkey/status").path("enabled").asBoolean(false);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static JsonNode get(String url) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        return new ObjectMapper().readTree(response.body());
    }
}

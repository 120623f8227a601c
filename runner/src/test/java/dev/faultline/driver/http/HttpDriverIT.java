package dev.faultline.driver.http;

import dev.faultline.driver.ActivityFailedException;
import dev.faultline.driver.DriverFunction;
import dev.faultline.driver.RecordingFaults;
import dev.faultline.driver.TestInvocation;
import dev.faultline.testkit.FreePorts;
import dev.faultline.testkit.HttpTarget;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The http provider against a real HTTP server: Chaos Toolkit's request and output rules, both transports, timeouts. */
class HttpDriverIT {

    private static HttpTarget target;
    private static final DriverFunction HTTP = TestInvocation.function(new HttpDriver(), "http");

    @BeforeAll
    static void start() {
        target = HttpTarget.start();
    }

    @AfterAll
    static void stop() {
        target.close();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> call(Map<String, Object> args) throws Exception {
        return (Map<String, Object>) TestInvocation.call(HTTP, args, Map.of(), new RecordingFaults());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> echo(Map<String, Object> args) throws Exception {
        return (Map<String, Object>) call(args).get("body");
    }

    @Test
    void getArgumentsBecomeTheQueryStringAndJsonBodiesAreParsed() throws Exception {
        Map<String, Object> arguments = new java.util.LinkedHashMap<>();
        arguments.put("a", "1 2");
        arguments.put("b", List.of("x", "y"));
        Map<String, Object> out = call(Map.of("url", target.baseUrl() + "/echo", "arguments", arguments,
                "headers", Map.of("X-Token", "t0k")));
        assertThat(out.get("status")).isEqualTo(200);
        assertThat((Map<String, Object>) out.get("headers")).containsEntry("content-type", "application/json");
        Map<?, ?> body = (Map<?, ?>) out.get("body");
        assertThat(body.get("method")).isEqualTo("GET");
        assertThat(body.get("query")).isEqualTo("a=1+2&b=x&b=y");
        assertThat(body.get("token")).isEqualTo("t0k");
    }

    @Test
    void postSendsAFormOrJsonAsTheContentTypeSays() throws Exception {
        Map<String, Object> form = echo(Map.of("url", target.baseUrl() + "/echo", "method", "POST", "arguments", Map.of("k", "v w")));
        assertThat(form.get("body")).isEqualTo("k=v+w");
        assertThat(form.get("contentType")).isEqualTo("application/x-www-form-urlencoded");
        Map<String, Object> json = echo(Map.of("url", target.baseUrl() + "/echo", "method", "put",
                "headers", Map.of("Content-Type", "application/json"), "arguments", Map.of("n", 3)));
        assertThat(json.get("method")).isEqualTo("PUT");
        assertThat(json.get("body")).isEqualTo("{\"n\":3}");
    }

    @Test
    void patchGoesThroughTheOtherTransportWithTheSameRules() throws Exception {
        Map<String, Object> patch = echo(Map.of("url", target.baseUrl() + "/echo", "method", "PATCH",
                "headers", Map.of("Content-Type", "application/json"), "arguments", Map.of("enabled", false)));
        assertThat(patch.get("method")).isEqualTo("PATCH");
        assertThat(patch.get("body")).isEqualTo("{\"enabled\":false}");
    }

    @Test
    void errorStatusesAreOutputsNotFailures() throws Exception {
        Map<String, Object> out = call(Map.of("url", target.baseUrl() + "/status/503"));
        assertThat(out.get("status")).isEqualTo(503);
        assertThat(out.get("body")).isEqualTo("");
    }

    @Test
    void noAnswerWithinTheReadTimeoutFailsTheActivity() {
        Instant start = Instant.now();
        assertThatThrownBy(() -> call(Map.of("url", target.baseUrl() + "/delay/5", "timeout", List.of(1, 0.3))))
                .isInstanceOf(ActivityFailedException.class).hasMessageContaining("got no answer within 0.3 s");
        assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void aRefusedConnectionFailsAfterTheRetries() {
        String url = "http://127.0.0.1:" + FreePorts.next() + "/health";
        assertThatThrownBy(() -> call(Map.of("url", url, "max_retries", 2)))
                .isInstanceOf(ActivityFailedException.class).hasMessageContaining("connection refused").hasMessageContaining("after 3 attempts");
    }
}

package dev.faultline.driver.chaosmonkey;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faultline.driver.ActivityFailedException;

/**
 * The Chaos Monkey for Spring Boot actuator API ({@code <base_url>/chaosmonkey/...}) as used by
 * Faultline. One client serves one activity or one undo: every request it sends shares the
 * deadline it was created with.
 */
final class ChaosMonkeyClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };

    private final ActuatorTarget target;
    private final Duration budget;
    private final long deadlineNanos;

    ChaosMonkeyClient(ActuatorTarget target, Duration budget) {
        this.target = target;
        this.budget = budget;
        this.deadlineNanos = System.nanoTime() + budget.toNanos();
    }

    ActuatorTarget target() {
        return target;
    }

    /** What is left of this client's budget (zero once it has passed). */
    Duration remaining() {
        return Duration.ofNanos(Math.max(0, deadlineNanos - System.nanoTime()));
    }

    /**
     * Whether the monkey is enabled. Chaos Monkey 2.x and older answer 200 (enabled) or 503
     * (disabled) with a text body; 3.x answers 200 with {@code {"enabled": ...}} either way.
     */
    MonkeyStatus status() throws ActivityFailedException, InterruptedException {
        Transport.Reply reply = get("status");
        if (reply.status() == 503) {
            return new MonkeyStatus(false, reply.body());
        }
        if (reply.status() != 200) {
            throw failed("read the monkey's status", reply);
        }
        Map<String, Object> body = tryObject(reply.body());
        if (body != null && body.get("enabled") instanceof Boolean enabled) {
            return new MonkeyStatus(enabled, body);
        }
        return new MonkeyStatus(true, reply.body());
    }

    Map<String, Object> assaults() throws ActivityFailedException, InterruptedException {
        return object("read the assault settings", get("assaults"));
    }

    /** The watcher settings; falls back to the singular path older releases and chaostoolkit-spring use. */
    Map<String, Object> watchers() throws ActivityFailedException, InterruptedException {
        Transport.Reply reply = get("watchers");
        if (reply.status() == 404) {
            reply = get("watcher");
        }
        return object("read the watcher settings", reply);
    }

    Transport.Reply enable() throws ActivityFailedException, InterruptedException {
        return expectOk("enable the monkey", post("enable", ""));
    }

    Transport.Reply disable() throws ActivityFailedException, InterruptedException {
        return expectOk("disable the monkey", post("disable", ""));
    }

    Transport.Reply changeAssaults(Map<String, Object> settings) throws ActivityFailedException, InterruptedException {
        return expectOk("change the assault settings to " + write(settings), post("assaults", write(settings)));
    }

    Transport.Reply changeWatchers(Map<String, Object> settings) throws ActivityFailedException, InterruptedException {
        return expectOk("change the watcher settings to " + write(settings), post("watchers", write(settings)));
    }

    Transport.Reply attack() throws ActivityFailedException, InterruptedException {
        return expectOk("start the runtime assaults", post("assaults/runtime/attack", ""));
    }

    /** The body as JSON when it is JSON, else the text: what CTK-named actions return. */
    static Object bodyOf(Transport.Reply reply) {
        Map<String, Object> parsed = tryObject(reply.body());
        return parsed != null ? parsed : reply.body();
    }

    static String write(Map<String, Object> settings) {
        try {
            return JSON.writeValueAsString(settings);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("settings cannot be written as JSON: " + settings, e);
        }
    }

    private Transport.Reply get(String path) throws ActivityFailedException, InterruptedException {
        return Transport.send(target, "GET", path, null, deadlineNanos, budget);
    }

    private Transport.Reply post(String path, String json) throws ActivityFailedException, InterruptedException {
        return Transport.send(target, "POST", path, json, deadlineNanos, budget);
    }

    private Transport.Reply expectOk(String what, Transport.Reply reply) throws ActivityFailedException {
        if (reply.status() != 200) {
            throw failed(what, reply);
        }
        return reply;
    }

    private Map<String, Object> object(String what, Transport.Reply reply) throws ActivityFailedException {
        expectOk(what, reply);
        Map<String, Object> body = tryObject(reply.body());
        if (body == null) {
            throw new ActivityFailedException("could not " + what + ": [" + reply.uri() + "] answered 200 with a body that is not a JSON object: ["
                    + abbreviate(reply.body()) + "]");
        }
        return body;
    }

    private static Map<String, Object> tryObject(String body) {
        try {
            Map<String, Object> parsed = JSON.readValue(body, OBJECT);
            return parsed == null ? null : new LinkedHashMap<>(parsed);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return null;
        }
    }

    private static ActivityFailedException failed(String what, Transport.Reply reply) {
        String hint = switch (reply.status()) {
            case 404 -> "the chaosmonkey actuator endpoint is not there: start the application with profile [chaos-monkey], "
                    + "management.endpoint.chaosmonkey.access=unrestricted (Spring Boot 3.4+; older: management.endpoint.chaosmonkey.enabled=true) "
                    + "and chaosmonkey in management.endpoints.web.exposure.include, and check that base_url ends with the actuator path";
            case 401, 403 -> "the actuator refused the call: pass credentials in the activity's headers";
            case 400 -> "Chaos Monkey rejected the settings: check field names and values (level 1..10000, latencyRangeStart <= latencyRangeEnd, "
                    + "exception.type a Throwable class)";
            default -> "check the application's log";
        };
        return new ActivityFailedException("could not " + what + ": [" + reply.uri() + "] answered [" + reply.status() + "] ["
                + abbreviate(reply.body()) + "]; " + hint);
    }

    private static String abbreviate(String body) {
        String flat = body.replaceAll("\\s+", " ").trim();
        return flat.length() <= 300 ? flat : flat.substring(0, 300) + "...";
    }
}

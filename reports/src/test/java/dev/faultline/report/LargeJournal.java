package dev.faultline.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;

/**
 * Writes the journal of a long run for size and speed tests: one SLI sample and one burn-rate point per
 * second, guard checks thinned to one per second per guard, a during-method check every ten seconds,
 * and {@code activities} method activities (some failed, some with huge outputs), ending in an abort.
 * Seeded, so every run of the generator writes the same journal.
 */
public final class LargeJournal {

    private static final Instant T0 = Instant.parse("2026-11-27T04:00:00Z");
    private static final DateTimeFormatter CTK = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS")
            .withZone(ZoneOffset.UTC);

    private final JsonGenerator json;
    private final Random random = new Random(42);
    private final int seconds;
    private final int activities;

    private LargeJournal(JsonGenerator json, int seconds, int activities) {
        this.json = json;
        this.seconds = seconds;
        this.activities = activities;
    }

    public static void write(Path file, int seconds, int activities) throws IOException {
        try (JsonGenerator json = new JsonFactory().createGenerator(file.toFile(),
                com.fasterxml.jackson.core.JsonEncoding.UTF8)) {
            new LargeJournal(json, seconds, activities).journal();
        }
    }

    private void journal() throws IOException {
        json.writeStartObject();
        json.writeStringField("chaoslib-version", "faultline-0.1.0");
        json.writeStringField("platform", "Linux-6.1.0-28-amd64");
        json.writeStringField("node", "runner-3");
        json.writeFieldName("experiment");
        json.writeStartObject();
        json.writeStringField("title", "One hour of inventory latency under load");
        json.writeStringField("description", "Size and speed fixture: a long run with many activities.");
        json.writeObjectFieldStart("configuration");
        json.writeStringField("storefront_url", "http://127.0.0.1:8080");
        json.writeStringField("api_token", "***");
        json.writeEndObject();
        json.writeEndObject();
        json.writeStringField("start", ctk(0));
        json.writeStringField("end", ctk(seconds));
        json.writeNumberField("duration", seconds);
        json.writeStringField("status", "aborted");
        json.writeBooleanField("deviated", true);
        steadyStates();
        json.writeArrayFieldStart("run");
        for (int i = 0; i < activities; i++) {
            double start = 5 + (seconds - 40) * (double) i / activities;
            runRecord("step-" + i, start, start + 0.5 + random.nextDouble(), i % 97 == 13, i % 50 == 7);
        }
        json.writeEndArray();
        json.writeArrayFieldStart("rollbacks");
        for (int i = 0; i < 5; i++) {
            runRecord("rollback-" + i, seconds - 20 + i, seconds - 19.5 + i, false, false);
        }
        json.writeEndArray();
        faultline();
        json.writeEndObject();
    }

    private void steadyStates() throws IOException {
        json.writeObjectFieldStart("steady_states");
        json.writeFieldName("before");
        hypothesis(1, true);
        json.writeFieldName("after");
        json.writeNull();
        json.writeArrayFieldStart("during");
        for (int t = 10; t < seconds; t += 10) {
            hypothesis(t, t < seconds / 2);
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private void hypothesis(double t, boolean met) throws IOException {
        json.writeStartObject();
        json.writeBooleanField("steady_state_met", met);
        json.writeArrayFieldStart("probes");
        probe("storefront-answers", t, true, 200);
        probe("p95-latency-under-200ms", t + 0.1, met, met ? 120 + random.nextInt(60) : 400 + random.nextInt(400));
        json.writeEndArray();
        json.writeEndObject();
    }

    private void probe(String name, double t, boolean met, int observed) throws IOException {
        json.writeStartObject();
        json.writeObjectFieldStart("activity");
        json.writeStringField("type", "probe");
        json.writeStringField("name", name);
        json.writeObjectFieldStart("tolerance");
        json.writeStringField("type", "range");
        json.writeArrayFieldStart("range");
        json.writeNumber(0);
        json.writeNumber(200);
        json.writeEndArray();
        json.writeEndObject();
        json.writeEndObject();
        json.writeObjectFieldStart("output");
        json.writeNumberField("p95_ms", observed);
        json.writeEndObject();
        json.writeStringField("status", "succeeded");
        json.writeStringField("start", ctk(t));
        json.writeStringField("end", ctk(t + 0.05));
        json.writeNumberField("duration", 0.05);
        json.writeBooleanField("tolerance_met", met);
        json.writeEndObject();
    }

    private void runRecord(String name, double start, double end, boolean failed, boolean huge) throws IOException {
        json.writeStartObject();
        json.writeObjectFieldStart("activity");
        json.writeStringField("type", "action");
        json.writeStringField("name", name);
        json.writeObjectFieldStart("provider");
        json.writeStringField("type", "python");
        json.writeStringField("module", "chaostoxi.toxic.actions");
        json.writeStringField("func", "create_latency_toxic");
        json.writeObjectFieldStart("arguments");
        json.writeStringField("for_proxy", "inventory");
        json.writeNumberField("latency", 100 + random.nextInt(900));
        json.writeEndObject();
        json.writeEndObject();
        json.writeEndObject();
        if (failed) {
            json.writeNullField("output");
            json.writeStringField("status", "failed");
            json.writeArrayFieldStart("exception");
            json.writeString("Traceback (most recent call last):\n");
            json.writeString("ConnectionError: POST [http://127.0.0.1:8474/proxies/inventory/toxics] failed\n");
            json.writeEndArray();
        } else {
            json.writeObjectFieldStart("output");
            json.writeStringField("proxy", "inventory");
            json.writeNumberField("latency", 100 + random.nextInt(900));
            json.writeStringField("log", huge ? "x".repeat(20_000) : "toxic created");
            json.writeEndObject();
            json.writeStringField("status", "succeeded");
        }
        json.writeStringField("start", ctk(start));
        json.writeStringField("end", ctk(end));
        json.writeNumberField("duration", end - start);
        json.writeEndObject();
    }

    private void faultline() throws IOException {
        json.writeObjectFieldStart("faultline");
        json.writeStringField("version", "0.1.0");
        json.writeStringField("outcome", "aborted");
        json.writeNumberField("exit_code", 3);
        json.writeStringField("started_at", z(0));
        json.writeStringField("ended_at", z(seconds));
        json.writeArrayFieldStart("phases");
        phase("before-hypothesis", 0, 5, "succeeded");
        phase("method", 5, seconds - 30, "interrupted");
        phase("undo", seconds - 30, seconds - 29.5, "succeeded");
        phase("rollbacks", seconds - 20, seconds - 15, "succeeded");
        json.writeEndArray();
        json.writeArrayFieldStart("activities");
        for (int i = 0; i < activities; i++) {
            double start = 5 + (seconds - 40) * (double) i / activities;
            json.writeStartObject();
            json.writeStringField("phase", "method");
            json.writeStringField("name", "step-" + i);
            json.writeStringField("type", "action");
            json.writeStringField("status", "succeeded");
            json.writeStringField("start", z(start));
            json.writeStringField("end", z(start + 0.5));
            json.writeEndObject();
        }
        json.writeEndArray();
        faults();
        guards();
        json.writeObjectFieldStart("abort");
        json.writeStringField("by", "guard");
        json.writeStringField("guard", "burn-rate");
        json.writeStringField("reason", "burn rate over 5m [15.1x] is above the threshold [14.4x]");
        json.writeStringField("breach_detected_at", z(seconds - 30.2));
        json.writeStringField("last_fault_undone_at", z(seconds - 29.6));
        json.writeEndObject();
        sliAndBudget();
        json.writeEndObject();
    }

    private void phase(String name, double start, double end, String status) throws IOException {
        json.writeStartObject();
        json.writeStringField("name", name);
        json.writeStringField("start", z(start));
        json.writeStringField("end", z(end));
        json.writeStringField("status", status);
        json.writeEndObject();
    }

    private void faults() throws IOException {
        json.writeArrayFieldStart("faults");
        for (int i = 0; i < 20; i++) {
            double at = 5 + i * (seconds - 60) / 20.0;
            json.writeStartObject();
            json.writeStringField("id", "f" + (i + 1));
            json.writeStringField("driver", "toxiproxy");
            json.writeStringField("kind", "latency");
            json.writeStringField("target", "toxiproxy:http://127.0.0.1:8474/proxies/inventory");
            json.writeStringField("injected_at", z(at));
            json.writeStringField("undone_at", z(Math.min(at + 300, seconds - 29.6)));
            json.writeObjectFieldStart("undo");
            json.writeStringField("status", "undone");
            json.writeStringField("by", "end-of-run");
            json.writeEndObject();
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private void guards() throws IOException {
        json.writeObjectFieldStart("guards");
        json.writeNumberField("interval_ms", 250);
        json.writeArrayFieldStart("definitions");
        for (String guard : new String[] {"burn-rate", "p99-latency"}) {
            json.writeStartObject();
            json.writeStringField("name", guard);
            json.writeNumberField("threshold", guard.equals("burn-rate") ? 14.4 : 2000);
            json.writeStringField("unit", guard.equals("burn-rate") ? "x" : "ms");
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeArrayFieldStart("checks");
        for (int t = 5; t < seconds - 30; t++) {
            double burn = burn(t);
            check(t, "burn-rate", burn, 14.4);
            check(t, "p99-latency", 300 + random.nextInt(1500), 2000);
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private void check(double t, String guard, double value, double threshold) throws IOException {
        json.writeStartObject();
        json.writeStringField("t", z(t));
        json.writeStringField("guard", guard);
        json.writeNumberField("value", value);
        json.writeNumberField("threshold", threshold);
        json.writeBooleanField("ok", value <= threshold);
        json.writeEndObject();
    }

    private void sliAndBudget() throws IOException {
        json.writeObjectFieldStart("sli");
        json.writeStringField("source", "load-probe");
        json.writeStringField("target", "http://127.0.0.1:8080/api/products");
        json.writeObjectFieldStart("slo");
        json.writeNumberField("availability", 0.999);
        json.writeObjectFieldStart("latency_ms");
        json.writeNumberField("p95", 200);
        json.writeEndObject();
        json.writeEndObject();
        json.writeArrayFieldStart("samples");
        for (int t = 1; t <= seconds; t++) {
            int errors = random.nextInt(100) < 3 ? random.nextInt(5) : 0;
            double p95 = 80 + random.nextInt(150) + (t % 600 < 300 ? 400 : 0);
            json.writeStartObject();
            json.writeStringField("t", z(t));
            json.writeNumberField("requests", 50);
            json.writeNumberField("errors", errors);
            json.writeNumberField("error_ratio", errors / 50.0);
            json.writeNumberField("p50_ms", p95 / 3);
            json.writeNumberField("p95_ms", p95);
            json.writeNumberField("p99_ms", p95 * 1.4);
            json.writeNumberField("max_ms", p95 * 2);
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
        json.writeObjectFieldStart("budget");
        json.writeStringField("slo", "storefront-availability");
        json.writeNumberField("objective", 0.999);
        json.writeStringField("window", "30d");
        json.writeNumberField("remaining_before", 0.8);
        json.writeNumberField("consumed_by_run", 0.012);
        json.writeNumberField("remaining_after", 0.788);
        json.writeNumberField("allotment", 0.02);
        json.writeArrayFieldStart("burn_rate");
        for (int t = 1; t <= seconds; t++) {
            json.writeStartObject();
            json.writeStringField("t", z(t));
            json.writeNumberField("short", burn(t));
            json.writeNumberField("long", burn(t) / 12);
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private double burn(int t) {
        return t >= seconds - 31 ? 15.1 : 2 + 10.0 * t / seconds + random.nextDouble();
    }

    private static String z(double s) {
        return T0.plusNanos((long) (s * 1e9)).toString();
    }

    private static String ctk(double s) {
        return CTK.format(T0.plusNanos((long) (s * 1e9)));
    }
}

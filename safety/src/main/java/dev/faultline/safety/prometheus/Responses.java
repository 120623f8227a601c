package dev.faultline.safety.prometheus;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns Prometheus API envelopes into {@link QueryResult}s or precise errors. */
final class Responses {

    private Responses() {
    }

    static QueryResult data(PrometheusClient client, String endpoint, String promql, PrometheusClient.ApiResponse response)
            throws PrometheusException {
        JsonNode body = response.body();
        String where = "Prometheus at [" + client.baseUrl() + "]";
        if (body == null || !body.isObject() || !body.has("status")) {
            throw new PrometheusException(PrometheusException.Kind.BAD_RESPONSE, response.status(), where + " answered "
                    + endpoint + " with HTTP [" + response.status() + "] and a body that is not an API envelope ["
                    + shorten(response.text()) + "]; check that the URL points at Prometheus itself", null);
        }
        if (!"success".equals(body.path("status").asText()) || response.status() / 100 != 2) {
            String type = body.path("errorType").asText("error");
            String error = body.path("error").asText("no error message");
            throw new PrometheusException(PrometheusException.Kind.REJECTED, response.status(), where + " rejected query ["
                    + promql + "] with HTTP [" + response.status() + "]: " + type + ": " + error + "; fix the query", null);
        }
        try {
            return result(body.path("data"));
        } catch (RuntimeException e) {
            throw new PrometheusException(PrometheusException.Kind.BAD_RESPONSE, response.status(), where
                    + " answered query [" + promql + "] with data that cannot be read [" + e.getMessage() + "]", e);
        }
    }

    static QueryResult result(JsonNode data) {
        String type = data.path("resultType").asText();
        JsonNode result = data.path("result");
        return switch (type) {
            case "vector" -> {
                List<QueryResult.Sample> samples = new ArrayList<>();
                for (JsonNode s : result) {
                    JsonNode value = s.path("value");
                    samples.add(new QueryResult.Sample(labels(s.path("metric")), time(value.get(0)), value(value.get(1))));
                }
                yield new QueryResult.Vector(samples);
            }
            case "matrix" -> {
                List<QueryResult.Series> series = new ArrayList<>();
                for (JsonNode s : result) {
                    List<QueryResult.Point> points = new ArrayList<>();
                    for (JsonNode p : s.path("values")) {
                        points.add(new QueryResult.Point(time(p.get(0)), value(p.get(1))));
                    }
                    series.add(new QueryResult.Series(labels(s.path("metric")), points));
                }
                yield new QueryResult.Matrix(series);
            }
            case "scalar" -> new QueryResult.Scalar(time(result.get(0)), value(result.get(1)));
            case "string" -> new QueryResult.Text(time(result.get(0)), result.get(1).asText());
            default -> throw new IllegalArgumentException("unknown resultType [" + type + "]");
        };
    }

    /** Prometheus writes sample values as strings so that NaN and infinities survive JSON. */
    static double value(JsonNode node) {
        if (node == null) {
            throw new IllegalArgumentException("missing sample value");
        }
        String s = node.asText();
        return switch (s) {
            case "NaN" -> Double.NaN;
            case "+Inf", "Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(s);
        };
    }

    static Instant time(JsonNode node) {
        if (node == null || !node.isNumber()) {
            throw new IllegalArgumentException("missing sample time");
        }
        BigDecimal seconds = node.decimalValue();
        long whole = seconds.longValue();
        long nanos = seconds.subtract(BigDecimal.valueOf(whole)).movePointRight(9).longValue();
        return Instant.ofEpochSecond(whole, nanos);
    }

    static String unixSeconds(Instant t) {
        return BigDecimal.valueOf(t.getEpochSecond()).add(BigDecimal.valueOf(t.getNano(), 9)).stripTrailingZeros().toPlainString();
    }

    private static Map<String, String> labels(JsonNode metric) {
        Map<String, String> out = new LinkedHashMap<>();
        metric.properties().forEach(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }

    private static String shorten(String s) {
        if (s == null) {
            return "";
        }
        String flat = s.replaceAll("\\s+", " ").trim();
        return flat.length() > 120 ? flat.substring(0, 117) + "..." : flat;
    }
}

package dev.faultline.driver.prometheus;

import dev.faultline.driver.ActivityFailedException;
import dev.faultline.driver.DriverFunction;
import dev.faultline.driver.FunctionSpec;
import dev.faultline.driver.Invocation;
import dev.faultline.driver.Param;
import dev.faultline.safety.config.Durations;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code chaosprometheus.probes.query_interval(query, start, end, step=1, timeout=None)}: a range
 * query, answer as-is. {@code step} is seconds, or a duration such as {@code 15s}.
 */
final class QueryRangeProbe implements DriverFunction {

    private static final FunctionSpec SPEC = FunctionSpec.probe("chaosprometheus.probes.query_interval", "prometheus/query-range")
            .required("query", Param.Type.STRING)
            .required("start", Param.Type.STRING)
            .required("end", Param.Type.STRING)
            .optional("step", Param.Type.ANY, 1)
            .optional("timeout", Param.Type.NUMBER, null)
            .optional("verify_tls", Param.Type.BOOLEAN, true)
            .summary("Runs a PromQL range query from `start` to `end` every `step` and returns the API answer as-is")
            .build();

    private final PrometheusDriver driver;

    QueryRangeProbe(PrometheusDriver driver) {
        this.driver = driver;
    }

    @Override
    public FunctionSpec spec() {
        return SPEC;
    }

    @Override
    public Object invoke(Invocation call) throws Exception {
        Instant now = Instant.now();
        Instant start = PrometheusCall.time(call, "start", now);
        Instant end = PrometheusCall.time(call, "end", now);
        if (end.isBefore(start)) {
            throw new ActivityFailedException("prometheus query range: end [" + end + "] is before start [" + start + "]; swap them");
        }
        Map<String, String> params = new LinkedHashMap<>();
        params.put("query", call.arguments().string("query"));
        params.put("start", start.toString());
        params.put("end", end.toString());
        params.put("step", step(call));
        return PrometheusCall.get(driver, call, "/api/v1/query_range", params);
    }

    private static String step(Invocation call) throws ActivityFailedException {
        Object raw = call.arguments().raw("step");
        if (raw == null) {
            return "1";
        }
        if (raw instanceof Number n) {
            return positive(n.doubleValue(), raw);
        }
        String text = String.valueOf(raw).trim();
        try {
            return positive(Double.parseDouble(text), raw);
        } catch (NumberFormatException e) {
            return Durations.tryParse(text).filter(d -> !d.isZero() && !d.isNegative())
                    .map(d -> PrometheusCall.format(d.toMillis() / 1000.0))
                    .orElseThrow(() -> new ActivityFailedException("prometheus query range: argument [step] must be seconds or a duration such as 15s, but was [" + raw + "]"));
        }
    }

    private static String positive(double seconds, Object raw) throws ActivityFailedException {
        if (!(seconds > 0)) {
            throw new ActivityFailedException("prometheus query range: argument [step] must be above 0, but was [" + raw + "]");
        }
        return PrometheusCall.format(seconds);
    }
}

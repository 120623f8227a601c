package dev.faultline.driver.prometheus;

import dev.faultline.driver.DriverFunction;
import dev.faultline.driver.FunctionSpec;
import dev.faultline.driver.Invocation;
import dev.faultline.driver.Param;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code chaosprometheus.probes.query(query, when=None, timeout=None)}: an instant query, answer as-is. */
final class QueryProbe implements DriverFunction {

    private static final FunctionSpec SPEC = FunctionSpec.probe("chaosprometheus.probes.query", "prometheus/query")
            .required("query", Param.Type.STRING)
            .optional("when", Param.Type.STRING, null)
            .optional("timeout", Param.Type.NUMBER, null)
            .optional("verify_tls", Param.Type.BOOLEAN, true)
            .summary("Runs a PromQL instant query (at `when`, default now) and returns the API answer as-is")
            .build();

    private final PrometheusDriver driver;

    QueryProbe(PrometheusDriver driver) {
        this.driver = driver;
    }

    @Override
    public FunctionSpec spec() {
        return SPEC;
    }

    @Override
    public Object invoke(Invocation call) throws Exception {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("query", call.arguments().string("query"));
        if (call.arguments().optionalString("when").filter(s -> !s.isBlank()).isPresent()) {
            params.put("time", PrometheusCall.time(call, "when", Instant.now()).toString());
        }
        return PrometheusCall.get(driver, call, "/api/v1/query", params);
    }
}

package dev.faultline.driver.chaosmonkey;

import dev.faultline.driver.FunctionSpec;
import dev.faultline.driver.Param;

/** Argument names shared with chaostoolkit-spring, and the parameters every function takes. */
final class ChaosMonkeyParams {

    static final String BASE_URL = "base_url";
    static final String HEADERS = "headers";
    static final String TIMEOUT = "timeout";
    static final String VERIFY_SSL = "verify_ssl";
    static final String ASSAULTS_CONFIGURATION = "assaults_configuration";
    static final String ASSAULTS = "assaults";
    static final String WATCHERS = "watchers";
    static final String ENABLE = "enable";

    private ChaosMonkeyParams() {
    }

    /** {@code base_url} first, then the connection options that follow every upstream signature. */
    static FunctionSpec.Builder target(FunctionSpec.Builder builder) {
        return builder.required(BASE_URL, Param.Type.STRING);
    }

    static FunctionSpec.Builder connection(FunctionSpec.Builder builder) {
        return builder
                .optional(HEADERS, Param.Type.MAP, null)
                .optional(TIMEOUT, Param.Type.NUMBER, null)
                .optional(VERIFY_SSL, Param.Type.BOOLEAN, true);
    }
}

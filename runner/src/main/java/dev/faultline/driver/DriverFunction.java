package dev.faultline.driver;

/**
 * One probe or action. The output must be JSON-like: {@code Map<String, ?>}, {@code List<?>},
 * {@code String}, {@code Number}, {@code Boolean} or {@code null}; it is what tolerances check and
 * what the journal records.
 */
public interface DriverFunction {

    FunctionSpec spec();

    /**
     * Runs the function. Implementations must honour thread interruption (the engine interrupts on
     * timeout, abort and signals) and apply {@link Invocation#timeout()} to every network call.
     *
     * @throws ActivityFailedException for failures the user should read (no stack trace)
     * @throws Exception for anything else; the message still ends up in the journal
     */
    Object invoke(Invocation call) throws Exception;
}

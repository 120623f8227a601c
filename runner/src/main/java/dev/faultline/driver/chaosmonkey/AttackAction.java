package dev.faultline.driver.chaosmonkey;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.faultline.driver.ActivityFailedException;
import dev.faultline.driver.DriverFunction;
import dev.faultline.driver.Evidence;
import dev.faultline.driver.FaultPlan;
import dev.faultline.driver.FunctionSpec;
import dev.faultline.driver.Invocation;
import dev.faultline.driver.Plannable;
import dev.faultline.driver.PlannedTarget;

/**
 * {@code chaos-monkey/attack}: starts the runtime assaults (kill application, memory, CPU) once.
 * They cannot be taken back (a killed application stays killed; memory and CPU assaults end on
 * their own), so the attack is recorded as irreversible. Refuses when the monkey is off or no
 * runtime assault is active, because the actuator would answer 200 and do nothing.
 *
 * <p>Chaos Monkey runs memory and CPU assaults on the request's own thread and answers when they
 * end, so the call lasts at least as long as their hold times: an attack that cannot end within the
 * activity's budget is refused before it starts. A kill is confirmed by the application ceasing to
 * accept connections.
 */
final class AttackAction implements DriverFunction, Plannable {

    static final String KIND = "runtime-attack";
    static final String KILL = "kill application";

    /** How long a killed application may take to stop accepting connections. */
    private static final Duration KILL_GRACE = Duration.ofSeconds(30);
    private static final long POLL_MILLIS = 200;

    private final FunctionSpec spec = ChaosMonkeyParams.connection(ChaosMonkeyParams.target(FunctionSpec.action("chaos-monkey/attack")))
            .summary("Start Chaos Monkey's active runtime assaults (kill application, memory, CPU) now and wait for them to end; irreversible")
            .build();

    @Override
    public FunctionSpec spec() {
        return spec;
    }

    @Override
    public List<PlannedTarget> plan(Invocation call) {
        ActuatorTarget target = ActuatorTarget.of(call.arguments());
        return Injection.planned(KIND, target, false, "runtime assaults at [" + target.baseUrl() + "]");
    }

    @Override
    public Object invoke(Invocation call) throws Exception {
        ActuatorTarget target = ActuatorTarget.of(call.arguments());
        Duration budget = ActuatorTarget.budget(call.arguments(), call.timeout());
        ChaosMonkeyClient client = new ChaosMonkeyClient(target, budget);
        if (!client.status().enabled()) {
            throw new ActivityFailedException("Chaos Monkey at [" + target.baseUrl() + "] is disabled, so a runtime attack would do nothing; "
                    + "enable it first (chaos-monkey/assault with e.g. {memoryActive: true})");
        }
        Map<String, Object> assaults = client.assaults();
        List<String> runtime = MonkeySettings.activeRuntimeAssaults(assaults);
        if (runtime.isEmpty()) {
            throw new ActivityFailedException("Chaos Monkey at [" + target.baseUrl() + "] has no runtime assault active "
                    + "(killApplicationActive, memoryActive, cpuActive are all false); set one with chaos-monkey/assault first");
        }
        Duration hold = MonkeySettings.runtimeHold(assaults);
        if (hold.compareTo(client.remaining()) >= 0) {
            throw new ActivityFailedException("the runtime assaults " + runtime + " at [" + target.baseUrl() + "] hold for "
                    + hold.toMillis() + " ms and Chaos Monkey answers only when they end, but this activity's budget is "
                    + budget.toMillis() + " ms; give the activity a longer `timeout` (seconds, above " + (hold.toSeconds() + 5)
                    + "), or shorten memoryMillisecondsHoldFilledMemory / cpuMillisecondsHoldLoad with chaos-monkey/assault. Nothing was started");
        }

        FaultPlan fault = new FaultPlan(ChaosMonkeyDriver.NAME, KIND, target.identity(),
                "runtime assaults " + runtime + " started at [" + target.baseUrl() + "]", null);
        Map<String, Object> observed = new LinkedHashMap<>();
        observed.put("started", runtime);
        long start = System.nanoTime();
        Transport.Reply reply;
        try {
            reply = client.attack();
        } catch (Transport.NoAnswer e) {
            observed.put("answered_after_ms", null);
            call.faults().irreversible(fault, Evidence.missing("no answer to [POST " + target.endpoint("assaults/runtime/attack")
                    + "] within " + budget.toMillis() + " ms: the assaults were probably started and may still run", observed), since(start));
            throw new ActivityFailedException(e.getMessage() + "; the runtime assaults " + runtime
                    + " were probably started and run until their hold times pass", e);
        }
        observed.put("answered_after_ms", millisSince(start));
        observed.put("response", ChaosMonkeyClient.bodyOf(reply));

        if (!runtime.contains(KILL)) {
            call.faults().irreversible(fault, Evidence.confirmed("[POST " + reply.uri() + "] answered 200 after "
                    + observed.get("answered_after_ms") + " ms, once the assaults had run", observed), since(start));
            return observed;
        }
        Duration wait = client.remaining().compareTo(KILL_GRACE) < 0 ? client.remaining() : KILL_GRACE;
        Long stoppedAfter = awaitRefused(target, wait, start);
        observed.put("stopped_after_ms", stoppedAfter);
        if (stoppedAfter == null) {
            call.faults().irreversible(fault, Evidence.missing("the application at [" + target.baseUrl()
                    + "] still accepts connections " + millisSince(start) + " ms after the kill attack", observed), since(start));
            throw new ActivityFailedException("Chaos Monkey at [" + target.baseUrl() + "] accepted the kill-application attack but the application "
                    + "still accepts connections after " + millisSince(start) + " ms; check its logs (a shutdown hook may hang), "
                    + "or give the activity a longer `timeout`");
        }
        call.faults().irreversible(fault, Evidence.confirmed("the application at [" + target.baseUrl()
                + "] stopped accepting connections " + stoppedAfter + " ms after the attack", observed), since(start));
        return observed;
    }

    /** Milliseconds from {@code start} until the actuator refuses connections, or null if it still accepts them after {@code wait}. */
    private static Long awaitRefused(ActuatorTarget target, Duration wait, long start) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < deadline) {
            Duration left = Duration.ofNanos(deadline - System.nanoTime());
            try {
                new ChaosMonkeyClient(target, left.compareTo(Duration.ofSeconds(2)) < 0 ? left : Duration.ofSeconds(2)).status();
            } catch (Transport.Refused e) {
                return millisSince(start);
            } catch (ActivityFailedException e) {
                // Shutting down: answers may fail in other ways before the port closes.
            }
            Thread.sleep(POLL_MILLIS);
        }
        return null;
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}

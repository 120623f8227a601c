package dev.faultline.engine;

import dev.faultline.driver.ActivityFailedException;
import dev.faultline.driver.Driver;
import dev.faultline.driver.DriverFunction;
import dev.faultline.driver.Evidence;
import dev.faultline.driver.FaultPlan;
import dev.faultline.driver.FunctionSpec;
import dev.faultline.driver.Invocation;
import dev.faultline.driver.Param;
import dev.faultline.driver.UndoContext;
import dev.faultline.driver.UndoSpec;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-memory "system" for engine tests: faults are entries in a set, a probe reads whether the
 * system is healthy (no "break" fault active), and undo removes entries.
 */
final class TestDriver implements Driver {

    final Set<String> active = ConcurrentHashMap.newKeySet();
    final AtomicInteger undos = new AtomicInteger();
    volatile boolean failUndo;

    @Override
    public String name() {
        return "test";
    }

    @Override
    public List<DriverFunction> functions() {
        return List.of(
                function(FunctionSpec.action("test/inject").required("fault", Param.Type.STRING).build(), call -> {
                    String fault = call.arguments().string("fault");
                    call.faults().inject(new FaultPlan("test", "test", "test:" + fault, "fault " + fault,
                                    new UndoSpec("test", "remove", Map.of("fault", fault))),
                            () -> active.add(fault),
                            () -> active.contains(fault) ? Evidence.confirmed(fault + " active", fault) : Evidence.missing(fault, null));
                    return fault;
                }),
                function(FunctionSpec.action("test/inject-no-effect").required("fault", Param.Type.STRING).build(), call -> {
                    String fault = call.arguments().string("fault");
                    call.faults().inject(new FaultPlan("test", "test", "test:" + fault, "fault " + fault,
                                    new UndoSpec("test", "remove", Map.of("fault", fault))),
                            () -> { },
                            () -> Evidence.missing(fault + " active", "nothing"));
                    return null;
                }),
                function(FunctionSpec.action("test/attack").required("seconds", Param.Type.NUMBER).build(), call -> {
                    long start = System.nanoTime();
                    Thread.sleep((long) (call.arguments().number("seconds") * 1000));
                    call.faults().irreversible(new FaultPlan("test", "attack", "test:attack", "attack", null),
                            Evidence.confirmed("attack ran", null), java.time.Duration.ofNanos(System.nanoTime() - start));
                    return "attacked";
                }),
                function(FunctionSpec.probe("test/healthy").build(), call -> !active.contains("break")),
                function(FunctionSpec.any("test/value").required("value", Param.Type.ANY).build(), call -> call.arguments().raw("value")),
                function(FunctionSpec.any("test/sleep").required("seconds", Param.Type.NUMBER).build(), call -> {
                    Thread.sleep((long) (call.arguments().number("seconds") * 1000));
                    return "slept";
                }),
                function(FunctionSpec.any("test/fail").optional("message", Param.Type.STRING, "boom").build(), call -> {
                    throw new ActivityFailedException(call.arguments().string("message"));
                }));
    }

    @Override
    public void undo(UndoSpec undo, UndoContext context) throws Exception {
        if (failUndo) {
            throw new IllegalStateException("target unreachable");
        }
        undos.incrementAndGet();
        active.remove(undo.arg("fault"));
    }

    interface Body {
        Object run(Invocation call) throws Exception;
    }

    private static DriverFunction function(FunctionSpec spec, Body body) {
        return new DriverFunction() {
            @Override
            public FunctionSpec spec() {
                return spec;
            }

            @Override
            public Object invoke(Invocation call) throws Exception {
                return body.run(call);
            }
        };
    }
}

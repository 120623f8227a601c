package dev.faultline.driver;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The one place that maps provider names to driver functions. Python providers are looked up by
 * {@code module.func}, native providers by {@code type/func}, {@code http} and {@code process} by
 * their type.
 */
public final class DriverRegistry {

    /** A function together with the driver that owns it (and undoes its faults). */
    public record Entry(Driver driver, DriverFunction function) {
        public FunctionSpec spec() {
            return function.spec();
        }
    }

    private final Map<String, Driver> drivers = new LinkedHashMap<>();
    private final Map<String, Entry> functions = new LinkedHashMap<>();

    private DriverRegistry(List<Driver> list) {
        for (Driver driver : list) {
            if (drivers.putIfAbsent(driver.name(), driver) != null) {
                throw new IllegalStateException("two drivers are named [" + driver.name() + "]");
            }
            for (DriverFunction function : driver.functions()) {
                for (String name : function.spec().names()) {
                    Entry previous = functions.putIfAbsent(name, new Entry(driver, function));
                    if (previous != null) {
                        throw new IllegalStateException("function [" + name + "] is offered by both ["
                                + previous.driver().name() + "] and [" + driver.name() + "]");
                    }
                }
            }
        }
    }

    public static DriverRegistry of(Driver... drivers) {
        return new DriverRegistry(List.of(drivers));
    }

    public static DriverRegistry of(List<Driver> drivers) {
        return new DriverRegistry(drivers);
    }

    /**
     * Calls every driver's {@link Driver#prepare()} on one background daemon thread and returns at
     * once. Preparation is an optimisation only: a failure in it is ignored (the call it prepared
     * for reports any real problem).
     */
    public void prepareInBackground() {
        Thread thread = new Thread(() -> {
            for (Driver driver : drivers.values()) {
                try {
                    driver.prepare();
                } catch (RuntimeException | LinkageError ignored) {
                    // The driver's first real call will do the same work, and report what fails.
                }
            }
        }, "faultline-prepare");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    public Optional<Entry> function(String name) {
        return Optional.ofNullable(functions.get(name));
    }

    public Optional<Driver> driver(String name) {
        return Optional.ofNullable(drivers.get(name));
    }

    /** Every function name, sorted, optionally only those starting with {@code prefix}. */
    public List<String> names(String prefix) {
        TreeSet<String> out = new TreeSet<>();
        for (String name : functions.keySet()) {
            if (prefix == null || name.startsWith(prefix)) {
                out.add(name);
            }
        }
        return List.copyOf(out);
    }

    /** Distinct functions in registration order. */
    public List<FunctionSpec> specs() {
        List<FunctionSpec> out = new ArrayList<>();
        for (Entry entry : functions.values()) {
            if (!out.contains(entry.spec())) {
                out.add(entry.spec());
            }
        }
        return Collections.unmodifiableList(out);
    }
}

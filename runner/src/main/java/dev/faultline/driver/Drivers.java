package dev.faultline.driver;

import java.util.List;

/** The drivers Faultline ships with, in the order their functions are listed in help and errors. */
public final class Drivers {

    private Drivers() {
    }

    public static DriverRegistry standard() {
        return DriverRegistry.of(List.of(
                new dev.faultline.driver.prometheus.PrometheusDriver()
        ));
    }
}

package dev.faultline.driver;

import dev.faultline.driver.chaosmonkey.ChaosMonkeyDriver;
import dev.faultline.driver.files.FilesDriver;
import dev.faultline.driver.http.HttpDriver;
import dev.faultline.driver.kubernetes.KubernetesDriver;
import dev.faultline.driver.process.ProcessDriver;
import dev.faultline.driver.prometheus.PrometheusDriver;
import dev.faultline.driver.toxiproxy.ToxiproxyDriver;

import java.util.List;

/** The drivers Faultline ships with, in the order their functions are listed in help and errors. */
public final class Drivers {

    private Drivers() {
    }

    public static DriverRegistry standard() {
        return DriverRegistry.of(List.of(
                new HttpDriver(),
                new ProcessDriver(),
                new FilesDriver(),
                new ToxiproxyDriver(),
                new ChaosMonkeyDriver(),
                new KubernetesDriver(),
                new PrometheusDriver()
        ));
    }
}

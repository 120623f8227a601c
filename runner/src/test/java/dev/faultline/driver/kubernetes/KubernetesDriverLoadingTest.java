package dev.faultline.driver.kubernetes;

import dev.faultline.driver.Driver;
import dev.faultline.driver.DriverFunction;
import dev.faultline.driver.Drivers;
import dev.faultline.driver.FunctionSpec;
import dev.faultline.driver.Plannable;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

class KubernetesDriverLoadingTest {

    @Test
    void creatingTheDriverAndListingItsFunctionsLoadsNoKubernetesClientClass() throws Exception {
        URL runnerClasses = KubernetesDriver.class.getProtectionDomain().getCodeSource().getLocation();
        try (RecordingLoader loader = new RecordingLoader(runnerClasses)) {
            Class<?> type = loader.loadClass(KubernetesDriver.class.getName());
            Object driver = type.getConstructor().newInstance();
            List<?> functions = (List<?>) type.getMethod("functions").invoke(driver);
            var spec = loader.loadClass(DriverFunction.class.getName()).getMethod("spec");
            var signature = loader.loadClass(FunctionSpec.class.getName()).getMethod("signature");
            for (Object function : functions) {
                signature.invoke(spec.invoke(function));
            }

            assertThat(functions).hasSizeGreaterThan(15);
            assertThat(loader.requested).filteredOn(n -> n.startsWith("dev.faultline.driver.kubernetes."))
                    .contains(KubernetesDriver.class.getName());
            assertThat(loader.requested).noneMatch(n -> n.startsWith("io.fabric8."));
        }
    }

    @Test
    void everyChaosToolkitNameFromTheCorpusIsRegisteredOnceAndEveryActionCanPlan() {
        Driver driver = new KubernetesDriver();
        List<String> names = driver.functions().stream().flatMap(f -> f.spec().names().stream()).toList();
        assertThat(names).doesNotHaveDuplicates().contains(
                "chaosk8s.pod.actions.terminate_pods", "chaosk8s.pod.probes.pods_in_phase",
                "chaosk8s.pod.probes.pods_not_in_phase", "chaosk8s.pod.probes.pods_in_conditions",
                "chaosk8s.pod.probes.count_pods", "chaosk8s.pod.probes.count_min_pods",
                "chaosk8s.pod.probes.all_pods_healthy", "chaosk8s.deployment.actions.scale_deployment",
                "chaosk8s.deployment.actions.rollout_deployment",
                "chaosk8s.deployment.probes.deployment_available_and_healthy",
                "chaosk8s.deployment.probes.deployment_fully_available",
                "chaosk8s.probes.microservice_available_and_healthy", "chaosk8s.probes.all_microservices_healthy",
                "chaosk8s.probes.deployment_fully_available", "chaosk8s.actions.kill_microservice",
                "chaosk8s.actions.scale_microservice", "kubernetes/kill-pods", "kubernetes/scale",
                "kubernetes/ready-pods", "kubernetes/deployment-available");
        for (DriverFunction function : driver.functions()) {
            boolean action = function.spec().kind() == FunctionSpec.Kind.ACTION;
            assertThat(function instanceof Plannable).as(function.spec().primaryName()).isEqualTo(action);
        }
        assertThat(Drivers.standard().function("chaosk8s.pod.actions.terminate_pods")).isPresent();
    }

    /** Defines the runner's own classes itself and notes every class name they ask for. */
    private static final class RecordingLoader extends URLClassLoader {
        final Set<String> requested = ConcurrentHashMap.newKeySet();

        RecordingLoader(URL classes) {
            super(new URL[] {classes}, KubernetesDriverLoadingTest.class.getClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            requested.add(name);
            if (!name.startsWith("dev.faultline.driver.")) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                if (loaded == null) {
                    loaded = findClass(name);
                }
                if (resolve) {
                    resolveClass(loaded);
                }
                return loaded;
            }
        }
    }
}

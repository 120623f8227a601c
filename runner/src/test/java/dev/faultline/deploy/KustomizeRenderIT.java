package dev.faultline.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Renders the staging overlays with the real {@code kubectl kustomize} (what {@code kubectl apply -k}
 * sends) and checks the result: the expected objects in the expected namespaces, RBAC inside the
 * allow-list, a mounted experiments tree identical to the repository's, and a Job identical to the
 * CronJob's.
 */
class KustomizeRenderIT {

    private static final String STAGING = "staging";
    private static final Path MOUNTED_GAMEDAY = Path.of("/etc/faultline/experiments/gamedays/staging.yaml");

    private static List<HasMetadata> staging;
    private static List<HasMetadata> runOnce;

    @BeforeAll
    static void render() throws Exception {
        staging = Manifests.parse(Kustomize.render("k8s/overlays/staging"));
        runOnce = Manifests.parse(Kustomize.render("k8s/overlays/staging-run-once"));
    }

    @Test
    void stagingRendersTheRunnerInItsNamespaceAndTheTargetRbacInStaging() {
        assertThat(Manifests.ofType(staging, Namespace.class)).extracting(n -> n.getMetadata().getName()).containsExactly("faultline");
        Map<String, String> namespaces = staging.stream().filter(r -> !(r instanceof Namespace))
                .collect(Collectors.toMap(r -> r.getKind() + "/" + r.getMetadata().getName(), r -> r.getMetadata().getNamespace(), (a, b) -> a + "," + b));
        assertThat(namespaces).containsEntry("ServiceAccount/faultline", "faultline")
                .containsEntry("Role/faultline-run-lock", "faultline")
                .containsEntry("RoleBinding/faultline-run-lock", "faultline")
                .containsEntry("Role/faultline-target", STAGING)
                .containsEntry("RoleBinding/faultline-target", STAGING)
                .containsEntry("CronJob/faultline-gameday", "faultline")
                .containsEntry("Deployment/toxiproxy", "faultline")
                .containsEntry("Service/toxiproxy", "faultline")
                .containsEntry("NetworkPolicy/toxiproxy", "faultline")
                .containsEntry("PrometheusRule/faultline-slo-storefront-availability", "faultline");
        assertThat(staging).extracting(HasMetadata::getKind).doesNotContain("Job", "ClusterRole", "ClusterRoleBinding");
        assertThat(staging).allSatisfy(r -> assertThat(Manifests.unknownFields(r)).isEmpty());
    }

    @Test
    void renderedRbacKeepsToTheAllowListAndBindsRolesThatExist() {
        for (List<HasMetadata> rendered : List.of(staging, runOnce)) {
            assertThat(RbacPolicy.violations(rendered)).isEmpty();
            for (RoleBinding binding : Manifests.ofType(rendered, RoleBinding.class)) {
                Role role = Manifests.one(rendered, Role.class, binding.getRoleRef().getName());
                assertThat(role.getMetadata().getNamespace()).isEqualTo(binding.getMetadata().getNamespace());
            }
            ServiceAccount account = Manifests.one(rendered, ServiceAccount.class, RbacPolicy.SERVICE_ACCOUNT);
            assertThat(account.getMetadata().getNamespace()).isEqualTo(RbacPolicy.RUNNER_NAMESPACE);
        }
    }

    @Test
    void cronJobRunsTheStagingGameDayOnItsOwnScheduleWithThePinnedImage() throws Exception {
        CronJob cron = Manifests.one(staging, CronJob.class, "faultline-gameday");
        JsonNode gameDay = Manifests.YAML.readTree(Manifests.root().resolve("experiments/gamedays/staging.yaml").toFile());
        assertThat(cron.getSpec().getSchedule()).isEqualTo(gameDay.path("schedule").asText());
        Container runner = cron.getSpec().getJobTemplate().getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(runner.getImage()).matches(".+/faultline:[0-9][^:]*").doesNotEndWith(":latest");
        assertThat(runner.getArgs()).startsWith("gameday", "run", MOUNTED_GAMEDAY.toString());
    }

    @Test
    void mountedExperimentsAreTheRepositoryFilesAtTheirOwnPaths() throws Exception {
        PodSpec pod = Manifests.one(staging, CronJob.class, "faultline-gameday").getSpec().getJobTemplate().getSpec().getTemplate().getSpec();
        Map<Path, String> mounted = mountedFiles(pod);
        assertThat(mounted).containsKey(MOUNTED_GAMEDAY);
        Path experiments = Manifests.root().resolve("experiments");
        Path mountPath = MOUNTED_GAMEDAY.getParent().getParent();
        for (Map.Entry<Path, String> file : mounted.entrySet()) {
            Path inRepository = experiments.resolve(mountPath.relativize(file.getKey()).toString());
            assertThat(file.getValue()).as("%s mounted from %s", file.getKey(), inRepository).isEqualTo(Files.readString(inRepository));
        }
        // Every file the game day names (experiments, SLOs) is in the mounted tree, relative to it.
        JsonNode gameDay = Manifests.YAML.readTree(mounted.get(MOUNTED_GAMEDAY));
        Path base = MOUNTED_GAMEDAY.getParent();
        assertThat(gameDay.path("experiments")).isNotEmpty();
        for (JsonNode entry : gameDay.path("experiments")) {
            assertThat(mounted).containsKey(base.resolve(entry.path("path").asText()).normalize());
        }
        for (JsonNode slo : gameDay.path("safety").path("slos")) {
            assertThat(mounted).containsKey(base.resolve(slo.path("file").asText()).normalize());
        }
    }

    @Test
    void everyEnvironmentVariableTheGameDayReadsIsSetInThePod() throws Exception {
        PodSpec pod = Manifests.one(staging, CronJob.class, "faultline-gameday").getSpec().getJobTemplate().getSpec().getTemplate().getSpec();
        Container runner = pod.getContainers().get(0);
        ConfigMap settings = Manifests.one(staging, ConfigMap.class, runner.getEnvFrom().get(0).getConfigMapRef().getName());
        String gameDay = Files.readString(Manifests.root().resolve("experiments/gamedays/staging.yaml"));
        List<String> keys = java.util.regex.Pattern.compile("type: env, key: (\\w+)").matcher(gameDay).results()
                .map(m -> m.group(1)).toList();
        assertThat(keys).isNotEmpty();
        assertThat(settings.getData()).containsKeys(keys.toArray(String[]::new));
        assertThat(settings.getData().get("STOREFRONT_URL")).contains("." + STAGING + ".svc");
    }

    @Test
    void toxiproxyServesEveryConfiguredProxyPortToStagingOnly() throws Exception {
        Service service = Manifests.one(staging, Service.class, "toxiproxy");
        NetworkPolicy policy = Manifests.one(staging, NetworkPolicy.class, "toxiproxy");
        Deployment deployment = Manifests.one(staging, Deployment.class, "toxiproxy");
        String volumeMap = deployment.getSpec().getTemplate().getSpec().getVolumes().get(0).getConfigMap().getName();
        ConfigMap proxies = Manifests.one(staging, ConfigMap.class, volumeMap);
        JsonNode list = Manifests.YAML.readTree(proxies.getData().get("proxies.json"));
        assertThat(list).isNotEmpty();
        NetworkPolicyPort proxyPorts = policy.getSpec().getIngress().get(1).getPorts().get(0);
        assertThat(policy.getSpec().getIngress().get(1).getFrom().get(0).getNamespaceSelector().getMatchLabels())
                .containsEntry("kubernetes.io/metadata.name", STAGING);
        for (JsonNode proxy : list) {
            int port = Integer.parseInt(proxy.path("listen").asText().replaceAll(".*:", ""));
            assertThat(service.getSpec().getPorts()).extracting(ServicePort::getPort).as(proxy.toString()).contains(port);
            assertThat(port).isBetween(proxyPorts.getPort().getIntVal(), proxyPorts.getEndPort());
            assertThat(proxy.path("upstream").asText()).contains("." + STAGING + ".svc:");
        }
    }

    @Test
    void runOnceJobRunsExactlyTheCronJobsPod() {
        CronJob cron = Manifests.one(runOnce, CronJob.class, "faultline-gameday");
        Job job = Manifests.one(runOnce, Job.class, "faultline-gameday-once");
        assertThat(job.getMetadata().getNamespace()).isEqualTo("faultline");
        assertThat(job.getSpec().getTemplate()).isEqualTo(cron.getSpec().getJobTemplate().getSpec().getTemplate());
        assertThat(job.getSpec().getActiveDeadlineSeconds()).isEqualTo(cron.getSpec().getJobTemplate().getSpec().getActiveDeadlineSeconds());
        assertThat(job.getSpec().getBackoffLimit()).isZero();
        assertThat(job.getSpec().getTtlSecondsAfterFinished()).isPositive();
        assertThat(Manifests.unknownFields(job)).isEmpty();
        // The run-once overlay adds the Job and changes nothing else.
        assertThat(runOnce.stream().filter(r -> !(r instanceof Job)).toList()).isEqualTo(staging);
    }

    /** Absolute path -> content of every file the pod's read-only ConfigMap volumes project. */
    private static Map<Path, String> mountedFiles(PodSpec pod) {
        Container runner = pod.getContainers().get(0);
        Map<String, Volume> volumes = pod.getVolumes().stream().collect(Collectors.toMap(Volume::getName, v -> v));
        Map<Path, String> out = new HashMap<>();
        for (VolumeMount mount : runner.getVolumeMounts()) {
            Volume volume = volumes.get(mount.getName());
            if (volume.getConfigMap() == null) {
                continue;
            }
            ConfigMap map = Manifests.one(staging, ConfigMap.class, volume.getConfigMap().getName());
            List<KeyToPath> items = volume.getConfigMap().getItems();
            assertThat(items).as("items of %s", mount.getName()).extracting(KeyToPath::getKey)
                    .containsExactlyInAnyOrderElementsOf(map.getData().keySet());
            for (KeyToPath item : items) {
                out.put(Path.of(mount.getMountPath()).resolve(item.getPath()), map.getData().get(item.getKey()));
            }
        }
        return out;
    }
}

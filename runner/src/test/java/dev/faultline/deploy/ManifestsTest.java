package dev.faultline.deploy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.JobSpec;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every manifest under k8s/ is a well-formed Kubernetes object, and the runner's pods are locked down. */
class ManifestsTest {

    private static List<HasMetadata> all() {
        return Manifests.files().stream().flatMap(f -> Manifests.read(f).stream()).toList();
    }

    @TestFactory
    Stream<DynamicTest> everyManifestParsesIntoFabric8ModelsWithoutUnknownFields() {
        List<Path> files = Manifests.files();
        assertThat(files).isNotEmpty();
        return files.stream().map(file -> DynamicTest.dynamicTest(Manifests.root().relativize(file).toString(), () -> {
            List<HasMetadata> resources = Manifests.read(file);
            assertThat(resources).isNotEmpty();
            for (HasMetadata resource : resources) {
                assertThat(resource.getMetadata().getName()).as("name in %s", file).isNotBlank();
                if (resource instanceof GenericKubernetesResource generic) {
                    // Only the Prometheus operator's CRD has no fabric8 model; everything else must be typed.
                    assertThat(generic.getKind()).as("untyped object in %s", file).isEqualTo("PrometheusRule");
                    assertThat(generic.getApiVersion()).isEqualTo("monitoring.coreos.com/v1");
                } else {
                    assertThat(Manifests.unknownFields(resource)).as("fields fabric8 does not know in %s", file).isEmpty();
                }
            }
        }));
    }

    @Test
    void unknownFieldsAreFoundWhereverTheyHide() {
        HasMetadata typo = Manifests.parse("""
                apiVersion: batch/v1
                kind: CronJob
                metadata: {name: x}
                spec:
                  schedule: "* * * * *"
                  concurrencyPolicyy: Forbid
                  jobTemplate:
                    spec:
                      template:
                        spec:
                          containers: [{name: c, image: i, securityContex: {}}]
                """).get(0);
        assertThat(Manifests.unknownFields(typo)).containsExactlyInAnyOrder(
                "CronJob/x.spec: [concurrencyPolicyy]",
                "CronJob/x.spec.jobTemplate.spec.template.spec.containers[0]: [securityContex]");
    }

    @Test
    void cronJobRunsOneGameDayAtATimeNeverRetriesAndHasDeadlines() {
        CronJob cron = Manifests.one(all(), CronJob.class, "faultline-gameday");
        assertThat(cron.getSpec().getConcurrencyPolicy()).isEqualTo("Forbid");
        assertThat(cron.getSpec().getStartingDeadlineSeconds()).isPositive();
        assertThat(cron.getSpec().getSuccessfulJobsHistoryLimit()).isPositive();
        assertThat(cron.getSpec().getFailedJobsHistoryLimit()).isPositive();
        JobSpec job = cron.getSpec().getJobTemplate().getSpec();
        assertThat(job.getBackoffLimit()).isZero();
        assertThat(job.getActiveDeadlineSeconds()).isPositive();
        PodSpec pod = job.getTemplate().getSpec();
        assertThat(pod.getRestartPolicy()).isEqualTo("Never");
        assertThat(pod.getServiceAccountName()).isEqualTo(RbacPolicy.SERVICE_ACCOUNT);
        // The runner undoes faults after SIGTERM: it needs time before the SIGKILL.
        assertThat(pod.getTerminationGracePeriodSeconds()).isGreaterThanOrEqualTo(60L);
    }

    @Test
    void gameDayPodsAndToxiproxyAreHardened() {
        List<HasMetadata> all = all();
        PodSpec runner = Manifests.one(all, CronJob.class, "faultline-gameday").getSpec().getJobTemplate().getSpec().getTemplate().getSpec();
        PodSpec toxiproxy = Manifests.one(all, Deployment.class, "toxiproxy").getSpec().getTemplate().getSpec();
        for (PodSpec pod : List.of(runner, toxiproxy)) {
            assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
            assertThat(pod.getSecurityContext().getRunAsUser()).isPositive();
            assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
            for (Container c : pod.getContainers()) {
                assertThat(c.getSecurityContext().getReadOnlyRootFilesystem()).as(c.getName()).isTrue();
                assertThat(c.getSecurityContext().getAllowPrivilegeEscalation()).as(c.getName()).isFalse();
                assertThat(c.getSecurityContext().getPrivileged()).as(c.getName()).isFalse();
                assertThat(c.getSecurityContext().getCapabilities().getDrop()).as(c.getName()).containsExactly("ALL");
                assertThat(c.getSecurityContext().getCapabilities().getAdd()).as(c.getName()).isEmpty();
                for (Map<String, Quantity> bounds : List.of(c.getResources().getRequests(), c.getResources().getLimits())) {
                    assertThat(bounds).as(c.getName() + " resources").containsKeys("cpu", "memory");
                }
            }
        }
    }

    @Test
    void runnerWritesOnlyToEmptyDirsForTmpAndOutput() {
        PodSpec pod = Manifests.one(all(), CronJob.class, "faultline-gameday").getSpec().getJobTemplate().getSpec().getTemplate().getSpec();
        Container runner = pod.getContainers().get(0);
        Map<String, Volume> volumes = pod.getVolumes().stream().collect(Collectors.toMap(Volume::getName, v -> v));
        List<String> args = runner.getArgs();
        String out = args.get(args.indexOf("--out") + 1);
        Set<String> writable = runner.getVolumeMounts().stream().filter(m -> !Boolean.TRUE.equals(m.getReadOnly()))
                .map(VolumeMount::getMountPath).collect(Collectors.toSet());
        assertThat(writable).contains("/tmp", out);
        for (VolumeMount mount : runner.getVolumeMounts()) {
            Volume volume = volumes.get(mount.getName());
            if (Boolean.TRUE.equals(mount.getReadOnly())) {
                assertThat(volume.getConfigMap()).as(mount.getMountPath()).isNotNull();
            } else {
                assertThat(volume.getEmptyDir()).as("writable " + mount.getMountPath()).isNotNull();
                assertThat(volume.getEmptyDir().getSizeLimit()).as("size limit of " + mount.getMountPath()).isNotNull();
            }
        }
    }

    @Test
    void toxiproxyApiIsOnlyReachableInsideTheClusterFromGameDayPods() {
        List<HasMetadata> all = all();
        Deployment deployment = Manifests.one(all, Deployment.class, "toxiproxy");
        assertThat(deployment.getSpec().getReplicas()).as("toxics live in one server's memory").isEqualTo(1);
        assertThat(deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
                .isEqualTo("ghcr.io/shopify/toxiproxy:2.12.0");
        Service service = Manifests.one(all, Service.class, "toxiproxy");
        assertThat(service.getSpec().getType()).isEqualTo("ClusterIP");
        assertThat(service.getSpec().getPorts()).allSatisfy(p -> assertThat(p.getNodePort()).isNull());
        assertThat(service.getSpec().getExternalIPs()).isEmpty();
        NetworkPolicy policy = Manifests.one(all, NetworkPolicy.class, "toxiproxy");
        assertThat(policy.getSpec().getPodSelector().getMatchLabels()).isEqualTo(deployment.getSpec().getSelector().getMatchLabels());
        Map<String, String> runnerLabels = Manifests.one(all, CronJob.class, "faultline-gameday")
                .getSpec().getJobTemplate().getSpec().getTemplate().getMetadata().getLabels();
        for (NetworkPolicyIngressRule rule : policy.getSpec().getIngress()) {
            boolean opensApi = rule.getPorts().stream().anyMatch(p -> {
                int from = p.getPort().getIntVal();
                int to = p.getEndPort() == null ? from : p.getEndPort();
                return from <= 8474 && 8474 <= to;
            });
            if (opensApi) {
                assertThat(rule.getFrom()).singleElement().satisfies(peer -> {
                    assertThat(peer.getNamespaceSelector()).isNull();
                    assertThat(peer.getIpBlock()).isNull();
                    assertThat(runnerLabels).containsAllEntriesOf(peer.getPodSelector().getMatchLabels());
                });
            }
        }
    }

    @Test
    void prometheusRuleIsTheOnlyCustomResource() {
        List<HasMetadata> all = all();
        assertThat(Manifests.generic(all, "PrometheusRule")).hasSize(1);
        assertThat(Manifests.ofType(all, GenericKubernetesResource.class)).hasSize(1);
    }
}

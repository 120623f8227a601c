package dev.faultline.deploy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * There is no container engine here, so the image is not built; this rebuilds its runtime layout
 * instead: the files the Dockerfile copies out of the build stage, at the paths it copies them to,
 * started with its ENTRYPOINT and ENV. It also holds the Dockerfile and the CronJob to one user and
 * to writable state paths.
 */
class ImageLayoutIT {

    private static final Path DOCKERFILE = Path.of("k8s/image/Dockerfile");
    private static final Pattern COPY = Pattern.compile("^COPY --from=build /src/(\\S+) (\\S+)$", Pattern.MULTILINE);
    private static final Pattern ENTRYPOINT = Pattern.compile("^ENTRYPOINT \\[(.+)]$", Pattern.MULTILINE);

    @TempDir
    Path image;

    @Test
    void theCopiedJarAndLibrariesRunWithTheEntrypoint() throws Exception {
        String dockerfile = Files.readString(Manifests.root().resolve(DOCKERFILE));
        Matcher copy = COPY.matcher(dockerfile);
        int copies = 0;
        while (copy.find()) {
            Path source = Manifests.root().resolve(copy.group(1));
            assertThat(source).as("%s copies %s: run mvn -pl runner -am package first", DOCKERFILE, copy.group(1)).exists();
            place(source, image.resolve(copy.group(2).substring(1)));
            copies++;
        }
        assertThat(copies).isEqualTo(2);
        List<String> entrypoint = entrypoint(dockerfile);
        assertThat(entrypoint).containsExactly("java", "-jar", "/opt/faultline/faultline.jar");

        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        entrypoint.subList(1, entrypoint.size()).forEach(a -> command.add(a.startsWith("/") ? image.resolve(a.substring(1)).toString() : a));
        command.add("--version");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("faultline ");
    }

    @Test
    void imageUserAndStatePathsMatchWhatTheCronJobMountsWritable() throws Exception {
        String dockerfile = Files.readString(Manifests.root().resolve(DOCKERFILE));
        PodSpec pod = Manifests.one(Manifests.read(Manifests.root().resolve("k8s/base/cronjob.yaml")), CronJob.class, "faultline-gameday")
                .getSpec().getJobTemplate().getSpec().getTemplate().getSpec();
        Container runner = pod.getContainers().get(0);
        Matcher user = Pattern.compile("^USER (\\d+):(\\d+)$", Pattern.MULTILINE).matcher(dockerfile);
        assertThat(user.find()).as("numeric USER uid:gid in %s", DOCKERFILE).isTrue();
        assertThat(pod.getSecurityContext().getRunAsUser()).isEqualTo(Long.parseLong(user.group(1)));
        assertThat(pod.getSecurityContext().getRunAsGroup()).isEqualTo(Long.parseLong(user.group(2)));

        List<String> writable = runner.getVolumeMounts().stream().filter(m -> !Boolean.TRUE.equals(m.getReadOnly()))
                .map(VolumeMount::getMountPath).toList();
        Map<String, String> env = new LinkedHashMap<>(dockerEnv(dockerfile));
        runner.getEnv().forEach(e -> env.put(e.getName(), e.getValue()));
        for (String name : List.of("HOME", "FAULTLINE_HOME", "FAULTLINE_LEDGER")) {
            assertThat(env).containsKey(name);
            assertThat(writable).as("%s=%s must be on a writable mount", name, env.get(name))
                    .anyMatch(m -> env.get(name).equals(m) || env.get(name).startsWith(m + "/"));
        }
        Matcher workdir = Pattern.compile("^WORKDIR (\\S+)$", Pattern.MULTILINE).matcher(dockerfile);
        String last = null;
        while (workdir.find()) {
            last = workdir.group(1);
        }
        assertThat(writable).contains(last, runner.getWorkingDir());
    }

    private static List<String> entrypoint(String dockerfile) {
        Matcher m = ENTRYPOINT.matcher(dockerfile);
        assertThat(m.find()).as("exec-form ENTRYPOINT in %s", DOCKERFILE).isTrue();
        return Stream.of(m.group(1).split(",")).map(s -> s.trim().replaceAll("^\"|\"$", "")).toList();
    }

    /** The runtime stage's ENV NAME=value pairs (one ENV instruction, continued with backslashes). */
    private static Map<String, String> dockerEnv(String dockerfile) {
        String runtime = dockerfile.substring(dockerfile.lastIndexOf("\nFROM "));
        Matcher m = Pattern.compile("^ENV ((?:.*\\\\\\n)*.*)$", Pattern.MULTILINE).matcher(runtime);
        assertThat(m.find()).as("ENV in the runtime stage of %s", DOCKERFILE).isTrue();
        Map<String, String> out = new LinkedHashMap<>();
        Matcher pair = Pattern.compile("(\\w+)=(\"[^\"]*\"|\\S+)").matcher(m.group(1));
        while (pair.find()) {
            out.put(pair.group(1), pair.group(2).replaceAll("^\"|\"$", ""));
        }
        return out;
    }

    private static void place(Path source, Path target) throws IOException {
        if (Files.isDirectory(source)) {
            Files.createDirectories(target);
            try (Stream<Path> files = Files.list(source)) {
                for (Path file : files.toList()) {
                    Files.copy(file, target.resolve(file.getFileName().toString()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } else {
            Files.createDirectories(target.getParent());
            Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}

package dev.faultline.deploy;

import dev.faultline.testkit.Executables;
import dev.faultline.testkit.Required;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Renders a kustomization with the real {@code kubectl kustomize}, as {@code kubectl apply -k} would. */
final class Kustomize {

    private Kustomize() {
    }

    /** The rendered YAML of {@code dir} (relative to the repository root); skips, or fails under CI, without kubectl. */
    static String render(String dir) throws IOException, InterruptedException {
        Optional<Path> kubectl = Executables.find("kubectl");
        Required.component(kubectl.isPresent(), "kubectl on PATH (it renders the kustomizations: kubectl kustomize)");
        Path errors = Files.createTempFile("kustomize", ".err");
        Process process = new ProcessBuilder(List.of(kubectl.get().toString(), "kustomize", dir))
                .directory(Manifests.root().toFile())
                .redirectError(errors.toFile())
                .start();
        byte[] out = process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("kubectl kustomize " + dir + " did not finish within 60 s");
        }
        if (process.exitValue() != 0) {
            throw new AssertionError("kubectl kustomize " + dir + " failed with [" + process.exitValue() + "]: "
                    + Files.readString(errors));
        }
        return new String(out, StandardCharsets.UTF_8);
    }
}

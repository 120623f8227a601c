package dev.faultline.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs CI script steps with bash in a scratch directory where {@code ./faultline} and {@code mvn} are
 * stubs: the stub faultline ends {@code gameday run} with a chosen exit code after writing a
 * summary.md into its {@code --out} directory, as the real command does. With
 * {@code STUB_UNTIL_SIGTERM} set it runs until SIGTERM, then writes {@code undone} and exits 3, as
 * an interrupted game day does.
 */
final class Shell {

    private final Path dir;

    private Shell(Path dir) {
        this.dir = dir;
    }

    record Result(int code, String output) {
    }

    static Shell withStubs(Path dir, int gamedayExitCode) throws IOException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        executable(bin.resolve("mvn"), "#!/usr/bin/env bash\nexit 0\n");
        executable(dir.resolve("faultline"), """
                #!/usr/bin/env bash
                if [ "$1 $2" = "gameday run" ]; then
                  out=""
                  while [ $# -gt 0 ]; do [ "$1" = "--out" ] && out="$2"; shift; done
                  mkdir -p "$out"
                  if [ -n "${STUB_UNTIL_SIGTERM:-}" ]; then
                    trap 'echo "stub summary for exit 3" > "$out/summary.md"; echo undone > "$out/undone"; exit 3' TERM
                    touch "$out/started"
                    # Gives up on its own after about 15 s, so a shell that never forwards the
                    # signal leaves nothing running.
                    for _ in $(seq 300); do sleep 0.05; done
                    exit 99
                  fi
                  echo "stub summary for exit %d" > "$out/summary.md"
                  exit %d
                fi
                exit 0
                """.formatted(gamedayExitCode, gamedayExitCode));
        return new Shell(dir);
    }

    /** Runs {@code script} as GitHub and GitLab do: bash with errexit and pipefail. */
    Result run(String script, Map<String, String> env) throws IOException, InterruptedException {
        return finish(start(script, env), script);
    }

    Process start(String script, Map<String, String> env) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(List.of("bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script))
                .directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().putAll(env);
        builder.environment().put("PATH", dir.resolve("bin") + ":" + System.getenv("PATH"));
        return builder.start();
    }

    /** Sends {@code signal} (e.g. INT) to the shell only, as a CI runner cancelling a step does. */
    static void signal(Process shell, String signal) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + signal, String.valueOf(shell.pid())).start();
        if (!kill.waitFor(5, TimeUnit.SECONDS) || kill.exitValue() != 0) {
            throw new AssertionError("kill -" + signal + " " + shell.pid() + " failed");
        }
    }

    static Result finish(Process process, String script) throws IOException, InterruptedException {
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("script did not finish within 30 s: " + script);
        }
        return new Result(process.exitValue(), output);
    }

    private static void executable(Path file, String text) throws IOException {
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}

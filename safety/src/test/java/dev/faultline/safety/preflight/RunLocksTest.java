package dev.faultline.safety.preflight;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class RunLocksTest {

    private static final Instant NOW = Instant.parse("2026-11-27T05:16:08Z");

    @Test
    void aSecondRunOnTheSameTargetIsRefusedUntilTheFirstReleases(@TempDir Path dir) {
        RunLocks locks = new RunLocks(dir);
        RunLocks.Acquisition first = locks.acquire(List.of("toxiproxy:inventory", "k8s:shop/web"), "run-1", NOW);
        assertThat(first.verdict().allowed()).isTrue();
        RunLock lock = first.lock().orElseThrow();
        assertThat(lock.targets()).containsExactly("k8s:shop/web", "toxiproxy:inventory");

        RunLocks.Acquisition second = locks.acquire(List.of("toxiproxy:inventory"), "run-2", NOW);
        assertThat(second.verdict().allowed()).isFalse();
        assertThat(second.lock()).isEmpty();
        assertThat(second.verdict().reason()).contains("target [toxiproxy:inventory] is locked by this process")
                .contains("pid [" + ProcessHandle.current().pid() + "]").contains("owner [run-1]");

        // an unrelated target is free
        RunLocks.Acquisition other = locks.acquire(List.of("toxiproxy:payments"), "run-3", NOW);
        assertThat(other.verdict().allowed()).isTrue();
        other.lock().orElseThrow().close();

        lock.close();
        RunLocks.Acquisition third = locks.acquire(List.of("toxiproxy:inventory"), "run-4", NOW);
        assertThat(third.verdict().allowed()).isTrue();
        third.lock().orElseThrow().close();
    }

    @Test
    void allOrNothing(@TempDir Path dir) {
        RunLocks locks = new RunLocks(dir);
        RunLock held = locks.acquire(List.of("b"), "run-1", NOW).lock().orElseThrow();
        RunLocks.Acquisition both = locks.acquire(List.of("a", "b"), "run-2", NOW);
        assertThat(both.verdict().allowed()).isFalse();
        // "a" was locked first and must have been released again
        RunLocks.Acquisition a = locks.acquire(List.of("a"), "run-3", NOW);
        assertThat(a.verdict().allowed()).isTrue();
        a.lock().orElseThrow().close();
        held.close();
    }

    @Test
    void aLockFileOfADeadPidIsReclaimedAndOneOfALivePidIsNot(@TempDir Path dir) throws Exception {
        RunLocks locks = new RunLocks(dir);
        Path file = dir.resolve(RunLocks.fileName("target-x"));
        Process dead = new ProcessBuilder("true").start();
        dead.waitFor(10, TimeUnit.SECONDS);
        Files.writeString(file, "{\"pid\": " + dead.pid() + ", \"started_at\": \"2026-01-01T00:00:00Z\", \"owner\": \"crashed\"}");
        RunLocks.Acquisition reclaimed = locks.acquire(List.of("target-x"), "run-1", NOW);
        assertThat(reclaimed.verdict().allowed()).isTrue();
        assertThat(reclaimed.verdict().reason()).contains("reclaimed stale locks [target-x (pid " + dead.pid() + " is gone)]");
        assertThat(Files.readString(file)).contains("\"pid\" : " + ProcessHandle.current().pid()).contains("run-1");
        reclaimed.lock().orElseThrow().close();
        assertThat(Files.size(file)).isZero();

        Files.writeString(file, "{\"pid\": 1, \"started_at\": \"2026-01-01T00:00:00Z\", \"owner\": \"other\"}");
        RunLocks.Acquisition live = locks.acquire(List.of("target-x"), "run-2", NOW);
        assertThat(live.verdict().allowed()).isFalse();
        assertThat(live.verdict().reason()).contains("locked by pid [1]");
    }

    @Test
    void aLockHeldByAnotherProcessRefusesTheRun(@TempDir Path dir) throws Exception {
        RunLocks locks = new RunLocks(dir);
        Path file = dir.resolve(RunLocks.fileName("shared"));
        Files.createDirectories(dir);
        // python's lockf takes the same POSIX record lock as the JVM's FileChannel.tryLock
        Process holder = new ProcessBuilder("python3", "-c",
                "import fcntl,sys,time\nf=open(sys.argv[1],'a+')\nfcntl.lockf(f,fcntl.LOCK_EX)\nprint('locked',flush=True)\ntime.sleep(60)",
                file.toString()).redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            assertThat(out.readLine()).isEqualTo("locked");
            RunLocks.Acquisition refused = locks.acquire(List.of("shared"), "run-1", NOW);
            assertThat(refused.verdict().allowed()).isFalse();
            assertThat(refused.verdict().reason()).contains("locked by another process");
        } finally {
            holder.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        RunLocks.Acquisition after = locks.acquire(List.of("shared"), "run-2", NOW);
        assertThat(after.verdict().allowed()).isTrue();
        after.lock().orElseThrow().close();
    }
}

package dev.faultline.safety.preflight;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Targets held by this run: lock files with an OS lock on each. {@link #close()} empties the files and
 * releases the locks; a crash releases the OS locks and leaves files naming a dead pid, which the next
 * run reclaims.
 */
public final class RunLock implements AutoCloseable {

    /** One held target. */
    record Held(String target, Path file, FileChannel channel, FileLock lock) {}

    private final List<Held> held;
    private boolean released;

    RunLock(List<Held> held) {
        this.held = List.copyOf(held);
    }

    public List<String> targets() {
        return held.stream().map(Held::target).toList();
    }

    public List<Path> files() {
        return held.stream().map(Held::file).toList();
    }

    /** Deletes the lock files and releases the locks. Idempotent. */
    @Override
    public synchronized void close() {
        if (released) {
            return;
        }
        released = true;
        List<IOException> failures = new ArrayList<>();
        for (Held h : held) {
            release(h, failures);
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("could not release lock file [" + failures.get(0).getMessage()
                    + "]; empty or delete it by hand once no run uses the target", failures.get(0));
        }
    }

    static void release(Held h, List<IOException> failures) {
        try {
            // emptied under the lock: an empty file means "free"
            h.channel().truncate(0);
            h.channel().force(true);
        } catch (IOException e) {
            failures.add(e);
        }
        try {
            h.lock().release();
            h.channel().close();
        } catch (IOException e) {
            failures.add(e);
        }
    }
}

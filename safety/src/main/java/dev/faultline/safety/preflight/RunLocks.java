package dev.faultline.safety.preflight;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Local run locks on targets, so two runs on one machine never inject into the same target at once.
 * Each target gets a lock file in a configurable folder; the holder keeps an OS file lock on it and
 * writes its pid, start time and owner into it. An OS lock held elsewhere, or a file naming a live
 * pid, refuses the run; a file naming a dead pid is stale and reclaimed. Released files are emptied,
 * not deleted, so no process can ever lock a file another one has just unlinked. Targets are locked
 * in sorted order, all or nothing.
 */
public final class RunLocks {

    public static final String NAME = "run-lock";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The verdict, and the lock when it allows the run. */
    public record Acquisition(Verdict verdict, Optional<RunLock> lock) {}

    private final Path dir;

    public RunLocks(Path dir) {
        this.dir = Objects.requireNonNull(dir, "dir");
    }

    public Path dir() {
        return dir;
    }

    /**
     * Locks every target or none.
     *
     * @param owner who holds it, e.g. the run id and experiment file
     */
    public Acquisition acquire(Collection<String> targets, String owner, Instant now) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            return new Acquisition(Verdict.deny(NAME, "cannot create the lock folder [" + dir + "]: " + e.getMessage()
                    + "; set safety.preflight.lock-dir to a writable folder"), Optional.empty());
        }
        List<RunLock.Held> held = new ArrayList<>();
        List<String> reclaimed = new ArrayList<>();
        for (String target : new TreeSet<>(targets)) {
            Object result = lockOne(target, owner, now, reclaimed);
            if (result instanceof RunLock.Held h) {
                held.add(h);
            } else {
                List<IOException> ignored = new ArrayList<>();
                held.forEach(h -> RunLock.release(h, ignored));
                return new Acquisition(Verdict.deny(NAME, (String) result), Optional.empty());
            }
        }
        String reason = held.isEmpty() ? "no targets to lock" : "locked " + held.size() + " target(s) in [" + dir + "]"
                + (reclaimed.isEmpty() ? "" : "; reclaimed stale locks " + reclaimed);
        return new Acquisition(Verdict.allow(NAME, reason), Optional.of(new RunLock(held)));
    }

    /** Returns a {@link RunLock.Held} or the reason it is refused. */
    private Object lockOne(String target, String owner, Instant now, List<String> reclaimed) {
        Path file = dir.resolve(fileName(target));
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                channel.close();
                return refusal(target, file, "this process");
            }
            if (lock == null) {
                channel.close();
                return refusal(target, file, "another process");
            }
            JsonNode previous = read(channel);
            long self = ProcessHandle.current().pid();
            if (previous != null && previous.has("pid")) {
                long pid = previous.get("pid").asLong();
                if (pid != self && alive(pid)) {
                    lock.release();
                    channel.close();
                    return refusal(target, file, "pid [" + pid + "]");
                }
                reclaimed.add(target + (pid == self ? " (left behind by this process)" : " (pid " + pid + " is gone)"));
            }
            write(channel, target, owner, now, self);
            return new RunLock.Held(target, file, channel, lock);
        } catch (IOException e) {
            closeQuietly(channel);
            return "cannot lock target [" + target + "] with [" + file + "]: " + e.getMessage();
        }
    }

    private static String refusal(String target, Path file, String who) {
        String holder = "";
        try {
            JsonNode info = JSON.readTree(Files.readString(file));
            if (info != null && info.has("pid")) {
                holder = " (pid [" + info.path("pid").asText() + "], started [" + info.path("started_at").asText()
                        + "], owner [" + info.path("owner").asText() + "])";
            }
        } catch (IOException | RuntimeException e) {
            // the holder may be writing it right now; the message is complete without its content
        }
        return "target [" + target + "] is locked by " + who + holder + " through [" + file
                + "]; wait for that run to end, or delete the file if no run is using the target";
    }

    private static JsonNode read(FileChannel channel) throws IOException {
        long size = channel.size();
        if (size == 0 || size > 64 * 1024) {
            return null;
        }
        ByteBuffer buffer = ByteBuffer.allocate((int) size);
        channel.read(buffer, 0);
        try {
            return JSON.readTree(new String(buffer.array(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            return null;
        }
    }

    private static void write(FileChannel channel, String target, String owner, Instant now, long pid) throws IOException {
        ObjectNode info = JSON.createObjectNode();
        info.put("pid", pid);
        info.put("started_at", now.toString());
        info.put("target", target);
        info.put("owner", owner == null ? "" : owner);
        byte[] bytes = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(info);
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(bytes), 0);
        channel.force(true);
    }

    private static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    static String fileName(String target) {
        String readable = target.replaceAll("[^A-Za-z0-9._-]+", "_");
        if (readable.length() > 80) {
            readable = readable.substring(0, 80);
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(target.getBytes(StandardCharsets.UTF_8));
            return readable + "-" + HexFormat.of().formatHex(hash, 0, 6) + ".lock";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // already failing; the original error is what the user needs
            }
        }
    }
}

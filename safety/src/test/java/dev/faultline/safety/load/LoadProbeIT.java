package dev.faultline.safety.load;

import com.sun.net.httpserver.HttpServer;
import dev.faultline.safety.sli.SliReading;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The load probe against a real local HTTP server that the test stalls, breaks and shuts down while
 * the probe runs.
 */
class LoadProbeIT {

    /** Waits until the probe has completed {@code n} more requests, polling its counters (no fixed sleeps). */
    private static void awaitCompleted(LoadProbe probe, long n) throws InterruptedException {
        long target = completed(probe) + n;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (completed(probe) < target && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(completed(probe)).as("requests completed").isGreaterThanOrEqualTo(target);
    }

    private static long completed(LoadProbe probe) {
        try {
            return Math.round(probe.read(Duration.ofHours(1), Instant.now()).totalEvents());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void countsStallsAsWaitingFromTheIntendedSendTimeAndRefusedConnectionsAsErrors() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(8));
        AtomicReference<CountDownLatch> stall = new AtomicReference<>(new CountDownLatch(0));
        AtomicInteger status = new AtomicInteger(200);
        AtomicInteger stalled = new AtomicInteger();
        server.createContext("/api/products", exchange -> {
            CountDownLatch gate = stall.get();
            if (gate.getCount() > 0) {
                stalled.incrementAndGet();
                try {
                    gate.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            // no body: the JDK server writes a body separately from the headers, and Nagle plus delayed
            // ACKs would then add ~40 ms to every keep-alive request
            exchange.sendResponseHeaders(status.get(), -1);
            exchange.close();
        });
        server.start();
        URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/products");
        LoadProbeConfig config = LoadProbeConfig.of(url, 50).withMaxInFlight(4).withTimeout(Duration.ofSeconds(3))
                .withSampleInterval(Duration.ofMillis(200));
        LoadProbe probe = new LoadProbe(config, Clock.systemUTC());
        boolean serverStopped = false;
        try {
            Instant started = Instant.now();
            probe.start();
            awaitCompleted(probe, 40);
            assertThat(probe.read(Duration.ofSeconds(5), Instant.now()).errorRatio()).isZero();

            // stall: the 4 in-flight requests hang, the schedule keeps running, 60 intended sends pile up
            CountDownLatch gate = new CountDownLatch(1);
            stall.set(gate);
            long stallStart = System.nanoTime();
            while (stalled.get() < 4 && System.nanoTime() - stallStart < TimeUnit.SECONDS.toNanos(5)) {
                Thread.sleep(5);
            }
            Thread.sleep(1200); // the stall itself is the behaviour under test
            stall.set(new CountDownLatch(0));
            gate.countDown();
            awaitCompleted(probe, 80);

            // server errors
            status.set(503);
            awaitCompleted(probe, 20);
            status.set(200);
            awaitCompleted(probe, 10);

            // the service goes away: connections are refused
            server.stop(0);
            serverStopped = true;
            awaitCompleted(probe, 50);
            // trailing windows are counted in whole samples (200 ms here), so this looks back at most 600 ms
            SliReading lastHalfSecond = probe.read(Duration.ofMillis(400), Instant.now());
            List<LoadSample> recent = probe.samples().subList(Math.max(0, probe.samples().size() - 6), probe.samples().size());
            assertThat(lastHalfSecond.errorRatio()).as("recent samples %s at %s", recent, Instant.now()).isEqualTo(1.0);
            probe.stop();
            Duration ran = Duration.between(started, Instant.now());

            LoadTotals totals = probe.totals();
            String all = totals + " over " + ran;
            // a constant rate whatever the server did: about 50 per second of run time
            double expected = 50.0 * ran.toMillis() / 1000;
            assertThat((double) totals.requests() + totals.abandoned()).as(all).isCloseTo(expected, within(0.15 * expected));
            assertThat(totals.refused()).as(all).isGreaterThanOrEqualTo(20);
            assertThat(totals.errors()).as(all).isGreaterThanOrEqualTo(totals.refused() + 10); // the 503 phase
            assertThat(totals.timeouts()).as(all).isZero();
            // coordinated omission: measured from the intended send time, the queued requests waited up to
            // the whole stall; measured from the actual send, only the 4 stuck requests were slow
            assertThat(totals.maxMs()).as(all).isGreaterThan(1100);
            assertThat(totals.p95Ms()).as(all).isGreaterThan(500);
            assertThat(totals.p95Ms()).as(all).isGreaterThan(2 * totals.serviceP95Ms());

            List<LoadSample> samples = probe.samples();
            assertThat(samples).hasSizeGreaterThan(10);
            assertThat(samples).extracting(LoadSample::t).isSorted();
            assertThat(samples).anySatisfy(s -> assertThat(s.maxMs()).isGreaterThan(1000));
            assertThat(samples).anySatisfy(s -> assertThat(s.errors()).isPositive().isLessThan(s.refused() + 100));
            assertThat(samples.stream().mapToLong(LoadSample::requests).sum()).isEqualTo(totals.requests());
            assertThat(samples.stream().mapToLong(LoadSample::errors).sum()).isEqualTo(totals.errors());
        } finally {
            probe.stop();
            if (!serverStopped) {
                server.stop(0);
            }
        }
        assertThat(Thread.getAllStackTraces().keySet()).filteredOn(t -> t.getName().startsWith("faultline-load") && t.isAlive())
                .as("probe threads left running").isEmpty();
    }

    @Test
    void aServerThatNeverAnswersCountsAsTimeouts() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        CountDownLatch never = new CountDownLatch(1);
        server.createContext("/", exchange -> {
            try {
                never.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        server.start();
        LoadProbe probe = new LoadProbe(LoadProbeConfig.of(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/"), 20)
                .withTimeout(Duration.ofMillis(300)).withSampleInterval(Duration.ofMillis(100)), Clock.systemUTC());
        try {
            probe.start();
            awaitCompleted(probe, 10);
            probe.stop();
            LoadTotals totals = probe.totals();
            assertThat(totals.timeouts()).isGreaterThanOrEqualTo(10);
            assertThat(totals.errors()).isEqualTo(totals.requests());
            assertThat(totals.serviceMaxMs()).isBetween(250.0, 1500.0);
        } finally {
            never.countDown();
            probe.stop();
            server.stop(0);
        }
    }
}

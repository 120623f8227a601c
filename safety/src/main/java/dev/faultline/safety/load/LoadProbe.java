package dev.faultline.safety.load;

import dev.faultline.safety.sli.LatencySource;
import dev.faultline.safety.sli.SliReading;
import dev.faultline.safety.sli.SliSource;
import dev.faultline.safety.sli.SliUnavailableException;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * The steady-state load probe: sends requests to one endpoint at a constant rate while an experiment
 * runs, and measures what a user would see. Latency is measured from the time a request was
 * <em>meant</em> to be sent, so a stalled server (or a full in-flight cap) shows up as the waiting
 * it causes instead of being hidden (coordinated omission). Refused connections and timeouts count
 * as errors: they are the failures a server-side SLI never sees.
 *
 * <p>Threads: one dispatcher, one sampler, and {@link LoadProbeConfig#threads()} HTTP workers.
 * {@link #start()} once, {@link #stop()} (or {@link #close()}) once; samples stay readable after stop.
 */
public final class LoadProbe implements SliSource, LatencySource, AutoCloseable {

    private final LoadProbeConfig config;
    private final Clock clock;
    private final LoadRecorder recorder;
    private final Semaphore inFlight;
    private final ExecutorService httpWorkers;
    private final ScheduledExecutorService sampler;
    private final HttpClient http;
    private final HttpRequest request;
    private volatile boolean running;
    private volatile Instant startedAt;
    private Thread dispatcher;
    private long abandoned;
    private boolean stopped;

    public LoadProbe(LoadProbeConfig config, Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.recorder = new LoadRecorder(config.histogramRetention());
        this.inFlight = new Semaphore(config.maxInFlight());
        this.httpWorkers = Executors.newFixedThreadPool(config.threads(), daemon("faultline-load-http"));
        this.sampler = Executors.newSingleThreadScheduledExecutor(daemon("faultline-load-sampler"));
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.timeout())
                .executor(httpWorkers)
                .build();
        HttpRequest.Builder builder = HttpRequest.newBuilder(config.url()).timeout(config.timeout())
                .method(config.method(), HttpRequest.BodyPublishers.noBody());
        config.headers().forEach(builder::header);
        this.request = builder.build();
    }

    public LoadProbeConfig config() {
        return config;
    }

    /** Starts sending. The first request goes out immediately. */
    public synchronized void start() {
        if (startedAt != null) {
            throw new IllegalStateException("the load probe was already started");
        }
        startedAt = clock.instant();
        running = true;
        long period = config.sampleInterval().toNanos();
        sampler.scheduleAtFixedRate(() -> recorder.closeInterval(clock.instant()), period, period, TimeUnit.NANOSECONDS);
        dispatcher = daemon("faultline-load-dispatcher").newThread(this::dispatch);
        dispatcher.start();
    }

    /**
     * Stops sending, waits up to one timeout for requests in flight, and closes the last sample.
     * Idempotent.
     */
    public synchronized void stop() {
        if (stopped || startedAt == null) {
            stopped = true;
            shutdownExecutors();
            return;
        }
        stopped = true;
        running = false;
        dispatcher.interrupt();
        try {
            dispatcher.join(config.timeout().toMillis() + 1000);
            if (inFlight.tryAcquire(config.maxInFlight(), config.timeout().toMillis() + 500, TimeUnit.MILLISECONDS)) {
                inFlight.release(config.maxInFlight());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sampler.shutdownNow();
        try {
            sampler.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        abandoned = config.maxInFlight() - inFlight.availablePermits();
        recorder.closeInterval(clock.instant());
        recorder.close();
        shutdownExecutors();
    }

    @Override
    public void close() {
        stop();
    }

    public boolean running() {
        return running;
    }

    /** Samples closed so far, oldest first. */
    public List<LoadSample> samples() {
        return recorder.samples();
    }

    public synchronized LoadTotals totals() {
        return recorder.totals(abandoned);
    }

    @Override
    public String describe() {
        return "load probe " + config.method() + " " + config.url() + " at " + config.rate() + "/s";
    }

    /** Requests and errors completed over the trailing window (cut to the time since start). */
    @Override
    public SliReading read(Duration window, Instant now) throws SliUnavailableException {
        Instant started = startedAt;
        if (started == null) {
            throw new SliUnavailableException("the load probe has not been started");
        }
        Duration effective = effectiveWindow(window, started, now);
        long[] counts = recorder.countsSince(now.minus(effective));
        return SliReading.counts(counts[1], counts[0], effective);
    }

    @Override
    public OptionalDouble percentileMs(double percentile, Duration window, Instant now) throws SliUnavailableException {
        Instant started = startedAt;
        if (started == null) {
            throw new SliUnavailableException("the load probe has not been started");
        }
        return recorder.percentileSince(percentile, now.minus(effectiveWindow(window, started, now)));
    }

    private static Duration effectiveWindow(Duration window, Instant started, Instant now) {
        Duration since = Duration.between(started, now);
        Duration effective = since.compareTo(window) < 0 ? since : window;
        return effective.toMillis() < 1 ? Duration.ofMillis(1) : effective;
    }

    private void dispatch() {
        long interval = config.intervalNanos();
        long origin = System.nanoTime();
        for (long i = 0; running; i++) {
            long intended = origin + i * interval;
            long wait;
            while (running && (wait = intended - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            try {
                inFlight.acquire();
            } catch (InterruptedException e) {
                return;
            }
            if (!running) {
                inFlight.release();
                return;
            }
            send(intended);
        }
    }

    private void send(long intended) {
        long sentAt = System.nanoTime();
        try {
            http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                    .orTimeout(config.timeout().toMillis() + 250, TimeUnit.MILLISECONDS)
                    .whenComplete((response, error) -> {
                        long done = System.nanoTime();
                        Outcome outcome = error == null ? statusOutcome(response.statusCode()) : failureOutcome(error);
                        recorder.record(outcome, done - intended, done - sentAt);
                        inFlight.release();
                    });
        } catch (RuntimeException e) {
            long done = System.nanoTime();
            recorder.record(Outcome.IO_ERROR, done - intended, done - sentAt);
            inFlight.release();
        }
    }

    private Outcome statusOutcome(int status) {
        return status >= config.errorStatusFrom() ? Outcome.ERROR_STATUS : Outcome.OK;
    }

    static Outcome failureOutcome(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof HttpConnectTimeoutException || cause instanceof HttpTimeoutException
                || cause instanceof java.util.concurrent.TimeoutException) {
            return Outcome.TIMEOUT;
        }
        if (cause instanceof ConnectException) {
            return Outcome.REFUSED;
        }
        if (cause instanceof IOException io && io.getMessage() != null
                && (io.getMessage().contains("Connection reset") || io.getMessage().contains("closed"))) {
            return Outcome.REFUSED;
        }
        return Outcome.IO_ERROR;
    }

    private void shutdownExecutors() {
        sampler.shutdownNow();
        httpWorkers.shutdownNow();
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}

package dev.faultline.safety.guard;

import dev.faultline.safety.sli.SliReading;
import dev.faultline.safety.sli.SliSource;
import dev.faultline.safety.sli.SliUnavailableException;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/** An SLI source whose readings the test sets; records every window asked for. */
final class FakeSli implements SliSource {

    private volatile BiFunction<Duration, Instant, SliReading> answer;
    private volatile String failure;
    final List<Duration> windows = new ArrayList<>();

    FakeSli rates(double badPerSecond, double totalPerSecond) {
        answer = (w, now) -> new SliReading(badPerSecond, totalPerSecond, true, w);
        failure = null;
        return this;
    }

    FakeSli answer(BiFunction<Duration, Instant, SliReading> value) {
        answer = value;
        failure = null;
        return this;
    }

    FakeSli failing(String message) {
        failure = message;
        return this;
    }

    @Override
    public String describe() {
        return "fake";
    }

    @Override
    public synchronized SliReading read(Duration window, Instant now) throws SliUnavailableException {
        windows.add(window);
        if (failure != null) {
            throw new SliUnavailableException(failure);
        }
        return answer.apply(window, now);
    }
}

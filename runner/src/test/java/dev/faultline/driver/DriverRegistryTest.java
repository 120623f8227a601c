package dev.faultline.driver;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class DriverRegistryTest {

    @Test
    void prepareInBackgroundReturnsAtOnceAndPreparesEveryDriverEvenAfterOneFails() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch prepared = new CountDownLatch(1);
        DriverRegistry registry = DriverRegistry.of(
                new Preparing("slow-then-broken", () -> {
                    await(release);
                    throw new IllegalStateException("preparation failed");
                }),
                new Preparing("fine", prepared::countDown));

        registry.prepareInBackground();

        assertThat(prepared.getCount()).as("nothing prepared before the caller moves on").isEqualTo(1);
        release.countDown();
        assertThat(prepared.await(5, TimeUnit.SECONDS)).as("the driver after the failing one is prepared").isTrue();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record Preparing(String name, Runnable preparation) implements Driver {
        @Override
        public List<DriverFunction> functions() {
            return List.of();
        }

        @Override
        public void undo(UndoSpec undo, UndoContext context) {
        }

        @Override
        public void prepare() {
            preparation.run();
        }
    }
}

package io.webhookkit.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.webhookkit.core.EndpointConfig;
import io.webhookkit.core.Processing;
import io.webhookkit.core.WebhookWorkers;
import io.webhookkit.core.idempotency.InMemoryIdempotencyStore;
import io.webhookkit.core.inbox.InboxEntry;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/** The inbox gauges and the handler meters, on a registry the test reads. */
class InboxMetersTest {
  @Test
  void gaugesShowTheInboxAndTheHandlerMetersCountItsRuns() throws Exception {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    InMemoryIdempotencyStore store = InMemoryIdempotencyStore.create();
    CountDownLatch release = new CountDownLatch(1);
    try (WebhookWorkers workers =
        WebhookWorkers.builder(store)
            .poll(Duration.ofMillis(10))
            .listener(new InboxMeters(registry))
            .build()) {
      String metadata = "{\"v\":1,\"provider\":\"github\",\"secret\":\"secrets[0]\"}";
      store.enqueue(new InboxEntry("m:1", "m", "push", metadata, new byte[0]), "fp", null);
      store.enqueue(new InboxEntry("m:2", "m", "push", metadata, new byte[0]), "fp", null);
      EndpointConfig config =
          EndpointConfig.builder("m")
              .provider("github")
              .secrets("s")
              .processing(Processing.DEFERRED)
              .build();
      workers.register(config, e -> release.await());
      workers.start();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (registry.get("webhook.inbox.depth").tag("state", "processing").gauge().value() < 2
          && System.nanoTime() < deadline) {
        LockSupport.parkNanos(5_000_000);
      }
      assertThat(registry.get("webhook.inbox.depth").tag("state", "processing").gauge().value())
          .isEqualTo(2.0);
      assertThat(registry.get("webhook.inbox.oldest.due").tag("endpoint", "m").gauge().value())
          .isZero();
      release.countDown();
      while (registry.find("webhook.handler.attempts").tag("outcome", "completed").counter() == null
          || registry.get("webhook.handler.attempts").tag("outcome", "completed").counter().count()
              < 2) {
        assertThat(System.nanoTime()).isLessThan(deadline);
        LockSupport.parkNanos(5_000_000);
      }
      assertThat(registry.get("webhook.handler.duration").tag("endpoint", "m").timer().count())
          .isEqualTo(2);
    }
  }
}

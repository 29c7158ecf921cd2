package io.webhookkit.micronaut.app;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.webhookkit.core.WebhookEvent;
import io.webhookkit.core.idempotency.IdempotencyStore;
import io.webhookkit.core.idempotency.InMemoryIdempotencyStore;
import io.webhookkit.micronaut.WebhookHandler;
import io.webhookkit.test.SettableClock;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Holds the only worker until released, so that the next delivery waits in the inbox. */
@Requires(property = "test.slow", value = "true")
@Singleton
public class SlowHandler {
  /** Counted down when the first delivery is in the handler. */
  public static final CountDownLatch ENTERED = new CountDownLatch(1);

  /** The clock of the store below: the test ages the queued delivery by advancing it. */
  public static final SettableClock STORE_CLOCK = new SettableClock(Instant.now());

  /** The application's own store, on the test's clock (the kit's factory backs off). */
  @Requires(property = "test.slow", value = "true")
  @Factory
  public static class Store {
    @Singleton
    IdempotencyStore webhookIdempotencyStore() {
      return InMemoryIdempotencyStore.create(STORE_CLOCK, 1_000);
    }
  }

  /** Opened to let the handler return. */
  public static final CountDownLatch RELEASE = new CountDownLatch(1);

  @WebhookHandler(endpoint = "stripe")
  void any(WebhookEvent event) throws InterruptedException {
    ENTERED.countDown();
    RELEASE.await(30, TimeUnit.SECONDS);
  }
}

package io.webhookkit.micronaut.app;

import io.micronaut.context.annotation.Requires;
import io.webhookkit.core.WebhookEvent;
import io.webhookkit.micronaut.WebhookHandler;
import jakarta.inject.Singleton;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Holds the only worker until released, so that the next delivery waits in the inbox. */
@Requires(property = "test.slow", value = "true")
@Singleton
public class SlowHandler {
  /** Counted down when the first delivery is in the handler. */
  public static final CountDownLatch ENTERED = new CountDownLatch(1);

  /** Opened to let the handler return. */
  public static final CountDownLatch RELEASE = new CountDownLatch(1);

  @WebhookHandler(endpoint = "stripe")
  void any(WebhookEvent event) throws InterruptedException {
    ENTERED.countDown();
    RELEASE.await(30, TimeUnit.SECONDS);
  }
}

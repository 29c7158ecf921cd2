package io.webhookkit.jaxrs.app;

import io.webhookkit.core.WebhookAttempt;
import io.webhookkit.core.WebhookListener;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A listener bean, as an application registers one: every attempt, after the store recorded it, so
 * that a test can wait for a settlement without sleeping.
 */
@ApplicationScoped
public class Attempts implements WebhookListener {
  /** Every attempt, in order. */
  public static final LinkedBlockingQueue<WebhookAttempt> ALL = new LinkedBlockingQueue<>();

  @Override
  public void onAttempt(WebhookAttempt attempt) {
    ALL.add(attempt);
  }
}

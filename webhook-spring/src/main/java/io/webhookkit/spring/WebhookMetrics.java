package io.webhookkit.spring;

import io.micrometer.core.instrument.MeterRegistry;
import io.webhookkit.core.WebhookAttempt;
import io.webhookkit.core.WebhookListener;
import io.webhookkit.core.metrics.WebhookMeters;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Micrometer meters for every attempt, low cardinality only: the timer {@code webhook.attempts}
 * tagged {@code endpoint}, {@code provider}, {@code outcome} (accepted, rejected, handshake,
 * duplicate, failed) and {@code reason} (the refusal's code, or {@code none}), and the counter
 * {@code webhook.secret.matches} tagged {@code endpoint} and {@code secret} (the matched secret's
 * label, never its value) to finish a rotation with evidence.
 */
public class WebhookMetrics implements WebhookListener {
  private final ObjectProvider<MeterRegistry> registries;

  /** Meters in the application's registry (looked up at the first attempt). */
  public WebhookMetrics(ObjectProvider<MeterRegistry> registries) {
    this.registries = registries;
  }

  @Override
  public void onAttempt(WebhookAttempt attempt) {
    MeterRegistry registry = registries.getIfUnique();
    if (registry == null) {
      return;
    }
    WebhookMeters.record(registry, attempt);
  }
}

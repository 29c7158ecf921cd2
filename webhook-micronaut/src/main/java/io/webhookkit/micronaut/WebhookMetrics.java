package io.webhookkit.micronaut;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.context.annotation.Requires;
import io.webhookkit.core.WebhookAttempt;
import io.webhookkit.core.WebhookListener;
import jakarta.inject.Singleton;

/**
 * Micrometer meters for every attempt, when {@code micronaut-micrometer} is present — the same as
 * the Spring module's: the timer {@code webhook.attempts} tagged {@code endpoint}, {@code
 * provider}, {@code outcome} and {@code reason} ({@code none} when not refused), and the counter
 * {@code webhook.secret.matches} tagged {@code endpoint} and {@code secret} (the label, never the
 * value).
 */
@Singleton
@Requires(classes = MeterRegistry.class)
@Requires(beans = MeterRegistry.class)
final class WebhookMetrics implements WebhookListener {
  private final MeterRegistry registry;

  WebhookMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void onAttempt(WebhookAttempt attempt) {
    Timer.builder("webhook.attempts")
        .description("Webhook requests by endpoint and outcome")
        .tag("endpoint", attempt.endpoint())
        .tag("provider", attempt.provider())
        .tag("outcome", attempt.outcome().code())
        .tag("reason", attempt.reason() == null ? "none" : attempt.reason().code())
        .register(registry)
        .record(attempt.duration());
    if (attempt.secretLabel() != null) {
      registry
          .counter(
              "webhook.secret.matches",
              "endpoint",
              attempt.endpoint(),
              "secret",
              attempt.secretLabel())
          .increment();
    }
  }
}

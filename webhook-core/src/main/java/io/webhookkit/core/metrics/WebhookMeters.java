package io.webhookkit.core.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.webhookkit.core.WebhookAttempt;
import io.webhookkit.core.WebhookListener;

/**
 * Micrometer meters for every attempt, the same in every adapter, low cardinality only: the timer
 * {@code webhook.attempts} tagged {@code endpoint}, {@code provider}, {@code outcome} (accepted,
 * rejected, handshake, duplicate, failed) and {@code reason} (the refusal's code, or {@code none}),
 * and the counter {@code webhook.secret.matches} tagged {@code endpoint} and {@code secret} (the
 * matched secret's label, never its value) to finish a rotation with evidence. Needs {@code
 * micrometer-core}, an optional dependency of the core. Thread-safe.
 */
@SuppressWarnings("exports") // Micrometer is optional: applications that use this class bring it.
public final class WebhookMeters implements WebhookListener {
  private final MeterRegistry registry;

  /** Meters in this registry. */
  public WebhookMeters(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void onAttempt(WebhookAttempt attempt) {
    record(registry, attempt);
  }

  /** Records one attempt in a registry. */
  public static void record(MeterRegistry registry, WebhookAttempt attempt) {
    Timer.builder("webhook.attempts")
        .description("Webhook requests by endpoint and outcome")
        .tag("endpoint", attempt.endpoint())
        .tag("provider", attempt.provider())
        .tag("outcome", attempt.outcome().code())
        .tag("reason", attempt.reason() == null ? "none" : attempt.reason().code())
        .register(registry)
        .record(attempt.duration());
    String secret = attempt.secretLabel();
    if (secret != null) {
      registry
          .counter("webhook.secret.matches", "endpoint", attempt.endpoint(), "secret", secret)
          .increment();
    }
  }
}

package io.webhookkit.core;

import io.webhookkit.core.internal.LogValues;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells of each attempt of one endpoint once: one log line with its fields as key-values (logger
 * {@code io.webhookkit.core.WebhookGuard}, INFO), then the listener, whose failure is logged and
 * goes no further. Thread-safe.
 */
final class AttemptLog {
  static final Logger LOG = LoggerFactory.getLogger(WebhookGuard.class);

  private final EndpointConfig config;
  private final WebhookListener listener;

  AttemptLog(EndpointConfig config, WebhookListener listener) {
    this.config = config;
    this.listener = listener;
  }

  /** An attempt that has no verified event (a refusal before it, or a handshake). */
  void emit(
      String client,
      Outcome outcome,
      @Nullable Reason reason,
      int status,
      long startNanos,
      @Nullable String secretLabel) {
    emit(
        new WebhookAttempt(
            config.name(),
            config.provider().name(),
            null,
            null,
            client,
            outcome,
            reason,
            status,
            elapsed(startNanos),
            secretLabel));
  }

  /** An attempt of a verified event. */
  void emit(
      WebhookEvent event,
      String client,
      Outcome outcome,
      @Nullable Reason reason,
      int status,
      long startNanos) {
    emit(
        new WebhookAttempt(
            config.name(),
            event.provider(),
            event.deliveryId().orElse(null),
            event.eventType().orElse(null),
            client,
            outcome,
            reason,
            status,
            elapsed(startNanos),
            event.secretLabel()));
  }

  private static Duration elapsed(long startNanos) {
    return Duration.ofNanos(System.nanoTime() - startNanos);
  }

  private void emit(WebhookAttempt attempt) {
    if (LOG.isInfoEnabled()) {
      Reason reason = attempt.reason();
      LOG.atInfo()
          .addKeyValue("endpoint", attempt.endpoint())
          .addKeyValue("provider", attempt.provider())
          .addKeyValue("delivery", LogValues.clean(attempt.deliveryId()))
          .addKeyValue("type", LogValues.clean(attempt.eventType()))
          .addKeyValue("client", attempt.clientAddress())
          .addKeyValue("outcome", attempt.outcome().code())
          .addKeyValue("reason", reason == null ? null : reason.code())
          .addKeyValue("status", attempt.status())
          .addKeyValue("secret", attempt.secretLabel())
          .addKeyValue("durationMs", attempt.duration().toNanos() / 1_000_000.0)
          .log("webhook attempt");
    }
    try {
      listener.onAttempt(attempt);
    } catch (RuntimeException e) {
      LOG.warn("webhook listener failed on endpoint {}", config.name(), e);
    }
  }
}

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

  /** What an attempt has shown by the time it is told: for the log line and the listeners. */
  interface Facts {
    /** The client address the guard believed. */
    String client();

    /** {@link System#nanoTime()} when the check began. */
    long startNanos();

    /** The verified event, once there is one. */
    @Nullable WebhookEvent event();

    /** The label of the secret that verified, once one did. */
    @Nullable String secretLabel();
  }

  /**
   * Tells of one attempt: how it ended, why, and with which status. Nothing is built when nobody
   * would read it (the log line off and no listener).
   */
  void emit(Facts facts, Outcome outcome, @Nullable Reason reason, int status) {
    if (listener == WebhookListener.NONE && !LOG.isInfoEnabled()) {
      return;
    }
    WebhookEvent event = facts.event();
    emit(
        new WebhookAttempt(
            config.name(),
            config.provider().name(),
            event == null ? null : event.deliveryId().orElse(null),
            event == null ? null : event.eventType().orElse(null),
            facts.client(),
            outcome,
            reason,
            status,
            elapsed(facts.startNanos()),
            facts.secretLabel()));
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

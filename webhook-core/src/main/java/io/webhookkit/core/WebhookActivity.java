package io.webhookkit.core;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers, per endpoint, when a delivery was last accepted and last refused; the adapters' health
 * and management endpoints show it. Register it as a listener. Thread-safe.
 */
public class WebhookActivity implements WebhookListener {
  private final Clock clock;
  private final Map<String, Instant> lastAccepted = new ConcurrentHashMap<>();
  private final Map<String, Instant> lastRefused = new ConcurrentHashMap<>();

  /** Activity on this clock. */
  public WebhookActivity(Clock clock) {
    this.clock = clock;
  }

  @Override
  public void onAttempt(WebhookAttempt attempt) {
    if (attempt.outcome() == Outcome.ACCEPTED) {
      lastAccepted.put(attempt.endpoint(), clock.instant());
    } else if (attempt.outcome() == Outcome.REJECTED) {
      lastRefused.put(attempt.endpoint(), clock.instant());
    }
  }

  /** When the endpoint last accepted a delivery. */
  public Optional<Instant> lastAccepted(String endpoint) {
    return Optional.ofNullable(lastAccepted.get(endpoint));
  }

  /** When the endpoint last refused a request. */
  public Optional<Instant> lastRefused(String endpoint) {
    return Optional.ofNullable(lastRefused.get(endpoint));
  }
}

package io.webhookkit.core;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
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

  /**
   * What a management endpoint shows: each endpoint's {@link EndpointConfig#summary() settings}
   * (secrets by label only) with when it last accepted and refused a request, under {@code
   * endpoints}.
   */
  public Map<String, Object> describe(Map<String, WebhookGuard> guards) {
    Map<String, Object> endpoints = new LinkedHashMap<>();
    guards.forEach(
        (name, guard) -> {
          Map<String, Object> e = guard.config().summary();
          lastAccepted(name).ifPresent(t -> e.put("lastAccepted", t.toString()));
          lastRefused(name).ifPresent(t -> e.put("lastRefused", t.toString()));
          endpoints.put(name, e);
        });
    return Map.of("endpoints", endpoints);
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

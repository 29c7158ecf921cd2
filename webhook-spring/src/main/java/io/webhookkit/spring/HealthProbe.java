package io.webhookkit.spring;

import java.time.Duration;
import java.util.Map;

/** A health check shared by the indicators of both Boot lines. */
@FunctionalInterface
interface HealthProbe {
  /** Whether the checked part is up, with details (never a secret). */
  boolean probe(Map<String, Object> details);

  /**
   * The inbox's health: DOWN when an endpoint's oldest due delivery waited longer than {@code
   * webhook.inbox.health-oldest-due}.
   */
  static HealthProbe inbox(WebhookWorkersLifecycle workers, WebhookProperties properties) {
    Duration threshold = properties.getInbox().getHealthOldestDue();
    return details ->
        workers.workers().map(w -> w.healthy(threshold, details)).orElse(Boolean.TRUE);
  }
}

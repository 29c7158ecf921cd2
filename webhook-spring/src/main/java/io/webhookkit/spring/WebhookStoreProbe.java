package io.webhookkit.spring;

import io.webhookkit.core.idempotency.IdempotencyStore;
import io.webhookkit.core.idempotency.IdempotencyStores;
import java.util.Map;

/**
 * Checks the idempotency store the way deliveries use it: a claim on a probe key, then its release.
 * Shared by the health indicators of both Boot lines.
 */
final class WebhookStoreProbe implements HealthProbe {
  private final IdempotencyStore store;

  WebhookStoreProbe(IdempotencyStore store) {
    this.store = store;
  }

  /** Whether the store answered, with details (never a secret). */
  @Override
  public boolean probe(Map<String, Object> details) {
    return IdempotencyStores.probe(store, details);
  }
}

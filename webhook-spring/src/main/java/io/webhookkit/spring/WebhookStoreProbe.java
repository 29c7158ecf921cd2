package io.webhookkit.spring;

import io.webhookkit.core.idempotency.Acquisition;
import io.webhookkit.core.idempotency.IdempotencyStore;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Checks the idempotency store the way deliveries use it: a claim on a probe key, then its release.
 * Shared by the health indicators of both Boot lines.
 */
final class WebhookStoreProbe {
  private final IdempotencyStore store;

  WebhookStoreProbe(IdempotencyStore store) {
    this.store = store;
  }

  /** Whether the store answered, with details (never a secret). */
  boolean probe(Map<String, Object> details) {
    details.put("store", store.getClass().getSimpleName());
    String key = "health:" + UUID.randomUUID();
    try {
      Acquisition a = store.acquire(key, "health", Duration.ofSeconds(5));
      if (a instanceof Acquisition.Acquired) {
        store.release(key, ((Acquisition.Acquired) a).ownerToken());
      }
      return true;
    } catch (RuntimeException e) {
      details.put("error", e.getClass().getSimpleName());
      return false;
    }
  }

  Map<String, Object> details() {
    return new LinkedHashMap<>();
  }
}

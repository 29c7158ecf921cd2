package io.webhookkit.spring;

import io.webhookkit.core.idempotency.IdempotencyStore;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/** Spring Boot 4 health of the idempotency store: UP when a probe claim and release succeed. */
public class WebhookStoreHealthIndicator implements HealthIndicator {
  private final WebhookStoreProbe probe;

  /** Health of this store. */
  public WebhookStoreHealthIndicator(IdempotencyStore store) {
    this.probe = new WebhookStoreProbe(store);
  }

  @Override
  public Health health() {
    Map<String, Object> details = new LinkedHashMap<>();
    boolean up = probe.probe(details);
    return (up ? Health.up() : Health.down()).withDetails(details).build();
  }
}

package io.webhookkit.micronaut;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.endpoint.annotation.Endpoint;
import io.micronaut.management.endpoint.annotation.Read;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import io.webhookkit.core.WebhookActivity;
import io.webhookkit.core.idempotency.IdempotencyStore;
import io.webhookkit.core.idempotency.IdempotencyStores;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * With {@code micronaut-management}: the {@code webhooks} management endpoint (each endpoint's
 * settings, the labels of its secrets — never their values — and when it last accepted and refused
 * a request) and the {@code webhookStore} health indicator (UP when a probe claim and release
 * succeed).
 */
@Factory
@Requires(classes = Endpoint.class)
final class WebhookManagement {
  @Singleton
  WebhookActivity webhookActivity() {
    return new WebhookActivity(Clock.systemUTC());
  }

  /** The {@code webhooks} endpoint. */
  @Endpoint(id = "webhooks")
  @Requires(classes = Endpoint.class)
  static final class WebhooksEndpoint {
    private final WebhookGuards guards;
    private final WebhookActivity activity;

    WebhooksEndpoint(WebhookGuards guards, WebhookActivity activity) {
      this.guards = guards;
      this.activity = activity;
    }

    @Read
    Map<String, Object> webhooks() {
      return activity.describe(guards.all());
    }
  }

  /** The store's health. */
  @Singleton
  @Requires(classes = AbstractHealthIndicator.class)
  static final class WebhookStoreHealthIndicator
      extends AbstractHealthIndicator<Map<String, Object>> {
    private final IdempotencyStore store;

    WebhookStoreHealthIndicator(IdempotencyStore store) {
      this.store = store;
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
      Map<String, Object> details = new LinkedHashMap<>();
      healthStatus = IdempotencyStores.probe(store, details) ? HealthStatus.UP : HealthStatus.DOWN;
      return details;
    }

    @Override
    protected String getName() {
      return "webhookStore";
    }
  }
}

package io.webhookkit.micronaut;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.endpoint.annotation.Endpoint;
import io.micronaut.management.endpoint.annotation.Read;
import io.micronaut.management.endpoint.annotation.Selector;
import io.micronaut.management.endpoint.annotation.Write;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import io.webhookkit.core.WebhookActivity;
import io.webhookkit.core.WebhookWorkers;
import io.webhookkit.core.idempotency.IdempotencyStore;
import io.webhookkit.core.idempotency.IdempotencyStores;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

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
      Map<String, Object> out = new LinkedHashMap<>(activity.describe(guards.all()));
      guards.workers().ifPresent(w -> out.put("inbox", w.describe()));
      return out;
    }

    /**
     * Replays an endpoint's dead deliveries, or the one named: {@code POST /webhooks/{endpoint}}
     * with {@code {"delivery": "<id>"}} or an empty object. Sensitive like the endpoint (Micronaut
     * Security requires an authenticated caller unless {@code endpoints.webhooks.sensitive=false}).
     */
    @Write
    Map<String, Object> replay(@Selector String endpoint, @Nullable String delivery) {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("endpoint", endpoint);
      WebhookWorkers w = guards.workers().orElse(null);
      if (w == null || !w.handles(endpoint)) {
        out.put("replayed", 0);
        out.put("problem", "no deferred endpoint of that name");
        return out;
      }
      out.put(
          "replayed",
          delivery == null || delivery.isBlank()
              ? w.replayDead(endpoint)
              : (w.replay(endpoint + ":" + delivery) ? 1 : 0));
      return out;
    }
  }

  /**
   * The inbox's health ({@code webhookInbox}): DOWN when an endpoint's oldest due delivery waited
   * longer than {@code webhook.inbox.health-oldest-due} (default 5m) or the inbox does not answer.
   */
  @Singleton
  @Requires(classes = AbstractHealthIndicator.class)
  static final class WebhookInboxHealthIndicator
      extends AbstractHealthIndicator<Map<String, Object>> {
    private final WebhookGuards guards;
    private final Duration threshold;

    WebhookInboxHealthIndicator(
        WebhookGuards guards, @Value("${webhook.inbox.health-oldest-due:5m}") Duration threshold) {
      this.guards = guards;
      this.threshold = threshold;
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
      Map<String, Object> details = new LinkedHashMap<>();
      boolean up = guards.workers().map(w -> w.healthy(threshold, details)).orElse(Boolean.TRUE);
      healthStatus = up ? HealthStatus.UP : HealthStatus.DOWN;
      return details;
    }

    @Override
    protected String getName() {
      return "webhookInbox";
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

package io.webhookkit.spring;

import io.webhookkit.core.WebhookActivity;
import io.webhookkit.core.WebhookWorkers;
import io.webhookkit.core.adapter.EndpointGuards;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/**
 * The Actuator endpoint {@code webhooks}: every configured endpoint with its provider, tolerance,
 * allowlist, trusted proxies, limits, the labels of its secrets (never their values), and when it
 * last accepted and refused a request; under {@code inbox}, each deferred endpoint's depth by
 * state, oldest due age, unhandled count and dead deliveries (key, type, attempts, last error).
 * {@code POST /actuator/webhooks/{endpoint}} replays its dead deliveries, or only the one named by
 * {@code {"delivery": "<id>"}}. Expose it like any endpoint ({@code
 * management.endpoints.web.exposure.include=webhooks}); protect the write operation with the
 * application's actuator security, or keep it read-only ({@code
 * management.endpoint.webhooks.access=read-only}).
 */
@Endpoint(id = "webhooks")
public class WebhooksEndpoint {
  private final EndpointGuards guards;
  private final WebhookActivity activity;
  private final @Nullable WebhookWorkers workers;

  /** The endpoint over these guards and their activity. */
  public WebhooksEndpoint(EndpointGuards guards, WebhookActivity activity) {
    this(guards, activity, null);
  }

  /** The endpoint over these guards, their activity and the inbox of these workers. */
  public WebhooksEndpoint(
      EndpointGuards guards, WebhookActivity activity, @Nullable WebhookWorkers workers) {
    this.guards = guards;
    this.activity = activity;
    this.workers = workers;
  }

  /** Every endpoint's settings and activity, and the inbox. */
  @ReadOperation
  public Map<String, Object> webhooks() {
    Map<String, Object> out = new LinkedHashMap<>(activity.describe(guards.all()));
    WebhookWorkers w = workers;
    if (w != null) {
      out.put("inbox", w.describe());
    }
    return out;
  }

  /**
   * Replays dead deliveries of an endpoint: the one named, or all.
   *
   * @param endpoint the endpoint name
   * @param delivery a delivery id, or none for every dead delivery
   */
  @WriteOperation
  @SuppressWarnings("deprecation") // Boot 3 reads Spring's own @Nullable to make it optional
  public Map<String, Object> replay(
      @Selector String endpoint, @org.springframework.lang.Nullable @Nullable String delivery) {
    WebhookWorkers w = workers;
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("endpoint", endpoint);
    if (w == null || !w.handles(endpoint)) {
      out.put("replayed", 0);
      out.put("problem", "no deferred endpoint of that name");
      return out;
    }
    int n;
    if (delivery == null || delivery.isBlank()) {
      n = w.replayDead(endpoint);
    } else {
      n = w.replay(endpoint + ":" + delivery) ? 1 : 0;
    }
    out.put("replayed", n);
    return out;
  }
}

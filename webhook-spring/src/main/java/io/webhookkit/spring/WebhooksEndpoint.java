package io.webhookkit.spring;

import io.webhookkit.core.WebhookActivity;
import io.webhookkit.core.adapter.EndpointGuards;
import java.util.Map;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * The Actuator endpoint {@code webhooks}: every configured endpoint with its provider, tolerance,
 * allowlist, trusted proxies, limits, the labels of its secrets (never their values), and when it
 * last accepted and refused a request. Expose it like any endpoint ({@code
 * management.endpoints.web.exposure.include=webhooks}).
 */
@Endpoint(id = "webhooks")
public class WebhooksEndpoint {
  private final EndpointGuards guards;
  private final WebhookActivity activity;

  /** The endpoint over these guards and their activity. */
  public WebhooksEndpoint(EndpointGuards guards, WebhookActivity activity) {
    this.guards = guards;
    this.activity = activity;
  }

  /** Every endpoint's settings and activity. */
  @ReadOperation
  public Map<String, Object> webhooks() {
    return activity.describe(guards.all());
  }
}

package io.webhookkit.spring;

import io.webhookkit.core.WebhookGuard;
import java.util.Map;
import java.util.Optional;

/** The guard of every configured endpoint, by name. Immutable. */
public final class WebhookGuards {
  private final Map<String, WebhookGuard> guards;

  /** The guards by endpoint name. */
  public WebhookGuards(Map<String, WebhookGuard> guards) {
    this.guards = Map.copyOf(guards);
  }

  /** The guard of an endpoint. */
  public Optional<WebhookGuard> get(String endpoint) {
    return Optional.ofNullable(guards.get(endpoint));
  }

  /** Every guard by endpoint name. */
  public Map<String, WebhookGuard> all() {
    return guards;
  }
}

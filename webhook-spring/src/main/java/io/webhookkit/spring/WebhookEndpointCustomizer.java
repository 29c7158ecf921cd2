package io.webhookkit.spring;

import io.webhookkit.core.EndpointConfig;

/**
 * Adjusts an endpoint's configuration beyond what properties express (a custom provider, secrets
 * from a vault) before it is validated. Declare it as a bean; applied to every endpoint.
 */
@FunctionalInterface
public interface WebhookEndpointCustomizer {
  /** Customizes the named endpoint's builder. */
  void customize(String endpoint, EndpointConfig.Builder builder);
}

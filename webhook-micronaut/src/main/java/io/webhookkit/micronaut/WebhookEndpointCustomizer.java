package io.webhookkit.micronaut;

import io.webhookkit.core.EndpointConfig;

/**
 * Adjusts an endpoint's configuration in code before its guard is built, e.g. to add a custom
 * provider's settings; every bean of this type is applied to every endpoint.
 */
@FunctionalInterface
public interface WebhookEndpointCustomizer {
  /** Customizes the endpoint of this name. */
  void customize(String endpoint, EndpointConfig.Builder builder);
}

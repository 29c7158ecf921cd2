package io.webhookkit.core.adapter;

import io.webhookkit.core.EndpointConfig;

/**
 * Adjusts an endpoint's configuration in code after its keys were read and before they are checked
 * (e.g. to take a secret from a vault, or give a custom provider instance). Spring, Micronaut and
 * JAX-RS apply every bean of this type to every endpoint, in the framework's order.
 */
@FunctionalInterface
public interface EndpointCustomizer {
  /**
   * Customizes one endpoint.
   *
   * @param endpoint the endpoint's name
   * @param builder its configuration so far; {@link EndpointConfig.Builder#build()} runs after
   */
  void customize(String endpoint, EndpointConfig.Builder builder);
}

package io.webhookkit.micronaut.conformance;

import io.micronaut.context.annotation.Requires;
import io.webhookkit.core.EndpointConfig;
import io.webhookkit.core.adapter.EndpointCustomizer;
import io.webhookkit.test.RemoteKeyPresets;
import jakarta.inject.Singleton;

/**
 * The remote-key presets' endpoints fetch their keys from the kit's local HTTPS server: set in
 * code, as an application's customizer bean would.
 */
@Singleton
@Requires(property = "test.conformance", value = "true")
public class RemoteKeysCustomizer implements EndpointCustomizer {
  @Override
  public void customize(String endpoint, EndpointConfig.Builder builder) {
    RemoteKeyPresets.customize(endpoint, builder);
  }
}

package io.webhookkit.jaxrs.app;

import io.webhookkit.core.EndpointConfig;
import io.webhookkit.core.adapter.EndpointCustomizer;
import io.webhookkit.test.RemoteKeyPresets;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The remote-key presets' endpoints fetch their keys from the kit's local HTTPS server: set in
 * code, as an application's customizer bean would. Bean-defining, so that every scanning container
 * (the Jersey servers, GlassFish) finds it; other endpoints are left as they are.
 */
@ApplicationScoped
public class RemoteKeysCustomizer implements EndpointCustomizer {
  @Override
  public void customize(String endpoint, EndpointConfig.Builder builder) {
    RemoteKeyPresets.customize(endpoint, builder);
  }
}

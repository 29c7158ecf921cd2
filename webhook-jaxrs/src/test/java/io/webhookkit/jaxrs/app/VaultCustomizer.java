package io.webhookkit.jaxrs.app;

import io.webhookkit.core.EndpointConfig;
import io.webhookkit.core.adapter.EndpointCustomizer;
import java.time.Duration;

/**
 * An application's customizer bean: a secret from elsewhere, and a tolerance set in code. Without a
 * bean-defining annotation, so that the scanning tests' containers (bean-discovery-mode annotated)
 * leave it out; the CDI-only test adds it explicitly.
 */
public class VaultCustomizer implements EndpointCustomizer {
  @Override
  public void customize(String endpoint, EndpointConfig.Builder builder) {
    builder.tolerance(Duration.ofMinutes(3)).secrets("rotated-in-from-a-vault");
  }
}

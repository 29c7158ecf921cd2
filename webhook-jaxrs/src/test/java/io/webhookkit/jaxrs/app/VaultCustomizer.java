package io.webhookkit.jaxrs.app;

import io.webhookkit.core.EndpointConfig;
import io.webhookkit.core.adapter.EndpointCustomizer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/** An application's customizer bean: a secret from elsewhere, and a tolerance set in code. */
@ApplicationScoped
public class VaultCustomizer implements EndpointCustomizer {
  @Override
  public void customize(String endpoint, EndpointConfig.Builder builder) {
    builder.tolerance(Duration.ofMinutes(3)).secrets("rotated-in-from-a-vault");
  }
}

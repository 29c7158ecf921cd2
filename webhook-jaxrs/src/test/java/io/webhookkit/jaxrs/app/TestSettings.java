package io.webhookkit.jaxrs.app;

import io.webhookkit.jaxrs.WebhookSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.util.Map;

/**
 * The application's producer of the kit's settings, as a user writes it; the test sets the keys
 * before it starts the container.
 */
@ApplicationScoped
public class TestSettings {
  /** The keys the next container starts with. */
  public static volatile Map<String, String> keys = Map.of();

  @Produces
  WebhookSettings webhookSettings() {
    return WebhookSettings.of(keys);
  }
}

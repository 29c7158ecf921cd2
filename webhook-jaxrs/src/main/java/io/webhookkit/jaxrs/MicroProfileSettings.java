package io.webhookkit.jaxrs;

import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/** Reads the kit's keys from MicroProfile Config; loaded only when its API is present. */
final class MicroProfileSettings {
  private MicroProfileSettings() {}

  static WebhookSettings read(ClassLoader loader) {
    Config config = ConfigProvider.getConfig(loader);
    Map<String, String> keys = new LinkedHashMap<>();
    for (String name : config.getPropertyNames()) {
      if (name.startsWith("webhook.")) {
        config.getOptionalValue(name, String.class).ifPresent(v -> keys.put(name, v));
      }
    }
    return WebhookSettings.of(keys);
  }
}

package io.webhookkit.jaxrs.app;

import io.webhookkit.jaxrs.WebhookSettings;
import io.webhookkit.test.ConformanceEndpoints;
import jakarta.enterprise.inject.Produces;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A user-style CDI producer of the kit's settings: the conformance endpoints' keys. Deployed with
 * {@link ConformanceResource} into GlassFish (where the WAR's classes are discovered in full); it
 * has no bean-defining annotation, so that the Weld SE tests keep their own producer.
 */
public class ConformanceSettings {
  @Produces
  WebhookSettings webhookSettings() {
    Map<String, String> keys = new LinkedHashMap<>();
    ConformanceEndpoints.all()
        .forEach(
            (name, endpoint) ->
                endpoint.forEach(
                    (key, value) -> keys.put("webhook.endpoints." + name + "." + key, value)));
    keys.putAll(ConformanceEndpoints.INBOX_KEYS);
    keys.put("webhook.management.enabled", "true");
    return WebhookSettings.of(keys);
  }
}

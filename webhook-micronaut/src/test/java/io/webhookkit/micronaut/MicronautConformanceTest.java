package io.webhookkit.micronaut;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.webhookkit.test.ConformanceEndpoints;
import io.webhookkit.test.WebhookAdapterConformanceKit;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The conformance kit through a real Micronaut application on embedded Netty bound to 127.0.0.1,
 * configured only by {@code webhook.endpoints.*} properties (the same keys as every adapter).
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MicronautConformanceTest extends WebhookAdapterConformanceKit
    implements TestPropertyProvider {
  @Inject EmbeddedServer server;

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("test.conformance", "true");
    properties.put("micronaut.server.host", "127.0.0.1");
    properties.put("micronaut.server.port", "-1");
    ConformanceEndpoints.all()
        .forEach(
            (name, keys) ->
                keys.forEach(
                    (key, value) ->
                        properties.put("webhook.endpoints." + name + "." + key, value)));
    return properties;
  }

  @Test
  void aPathNamingNoConfiguredEndpointIsRefusedWith404() throws Exception {
    assertAPathNamingNoConfiguredEndpointIsRefused();
  }

  @Override
  protected URI baseUri() {
    return URI.create("http://127.0.0.1:" + server.getPort());
  }
}

package io.webhookkit.jaxrs;

import io.webhookkit.jaxrs.app.ConformanceResource;
import io.webhookkit.test.WebhookAdapterConformanceKit;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The conformance kit on Jersey 3.1 + Weld SE 5.1 on Grizzly over real HTTP, configured only by the
 * design's flat keys through a CDI producer of {@link WebhookSettings}.
 */
class JerseyWeldConformanceTest extends WebhookAdapterConformanceKit {
  private static JerseyWeldServer server;

  @BeforeAll
  static void start() {
    server = new JerseyWeldServer(Map.of(), ConformanceResource.class);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void aPathNamingNoConfiguredEndpointIsRefusedWith404() throws Exception {
    assertAPathNamingNoConfiguredEndpointIsRefused();
  }

  @Override
  protected URI baseUri() {
    return server.baseUri();
  }
}

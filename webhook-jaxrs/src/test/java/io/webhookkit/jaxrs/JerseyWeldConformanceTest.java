package io.webhookkit.jaxrs;

import io.webhookkit.jaxrs.app.ConformanceResource;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The conformance kit on Jersey 3.1 + Weld SE 5.1 on Grizzly over real HTTP, configured only by the
 * design's flat keys through a CDI producer of {@link WebhookSettings}.
 */
class JerseyWeldConformanceTest extends JaxrsConformanceKit {
  private static JerseyWeldServer server;

  @BeforeAll
  static void start() {
    server = new JerseyWeldServer(Map.of(), ConformanceResource.class);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Override
  protected URI baseUri() {
    return server.baseUri();
  }
}

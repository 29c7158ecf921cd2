package io.webhookkit.jaxrs;

import io.webhookkit.jaxrs.app.ConformanceResource;
import java.net.URI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The conformance kit on Jersey's servlet in embedded Jetty 12 with Weld SE, over real HTTP: the
 * adapter in a servlet container that is not a Jakarta EE server (the client address from the
 * servlet request, the body through the servlet's input stream).
 */
class JerseyJettyConformanceTest extends JaxrsConformanceKit {
  private static JerseyJettyServer server;

  @BeforeAll
  static void start() throws Exception {
    server = new JerseyJettyServer(ConformanceResource.class);
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

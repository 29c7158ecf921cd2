package io.webhookkit.jaxrs;

import io.webhookkit.jaxrs.app.ConformanceResource;
import io.webhookkit.test.WebhookAdapterConformanceKit;
import java.net.URI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The conformance kit on Jersey's servlet in embedded Jetty 12 with Weld SE, over real HTTP: the
 * adapter in a servlet container that is not a Jakarta EE server (the client address from the
 * servlet request, the body through the servlet's input stream).
 */
class JerseyJettyConformanceTest extends WebhookAdapterConformanceKit {
  private static JerseyJettyServer server;

  @BeforeAll
  static void start() throws Exception {
    server = new JerseyJettyServer(ConformanceResource.class);
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

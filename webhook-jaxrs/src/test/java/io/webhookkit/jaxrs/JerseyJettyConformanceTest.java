package io.webhookkit.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import io.webhookkit.jaxrs.app.ConformanceResource;
import io.webhookkit.jaxrs.app.InboxOverHttp;
import io.webhookkit.test.WebhookAdapterConformanceKit;
import java.net.URI;
import java.util.List;
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

  private URI inbox() {
    return baseUri().resolve("/webhooks/inbox");
  }

  @Override
  protected List<String> deadDeliveries(String endpoint) throws Exception {
    return InboxOverHttp.dead(inbox(), endpoint);
  }

  @Override
  protected int replayDead(String endpoint) throws Exception {
    return InboxOverHttp.replay(inbox(), endpoint);
  }

  @Test
  void theInboxResourceNeedsAnAuthenticatedCallerInTheRole() throws Exception {
    assertThat(InboxOverHttp.status(inbox(), "GET", "inbox", "-")).isEqualTo(401);
    assertThat(InboxOverHttp.status(inbox(), "GET", "inbox", "guest")).isEqualTo(403);
    assertThat(InboxOverHttp.status(inbox(), "POST", "inbox/deferred/replay", "guest"))
        .isEqualTo(403);
    assertThat(InboxOverHttp.status(inbox(), "GET", "inbox", "operator")).isEqualTo(200);
  }

  @Override
  protected URI baseUri() {
    return server.baseUri();
  }
}

package io.webhookkit.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import io.webhookkit.jaxrs.app.InboxOverHttp;
import io.webhookkit.test.WebhookAdapterConformanceKit;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The conformance kit as both Jersey runtimes (Grizzly, Jetty) run it: the management hooks through
 * the kit's {@link WebhookInboxResource}, and the JAX-RS-only checks every runtime must pass.
 */
abstract class JaxrsConformanceKit extends WebhookAdapterConformanceKit {
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
  void aPathNamingNoConfiguredEndpointIsRefusedWith404() throws Exception {
    assertAPathNamingNoConfiguredEndpointIsRefused();
  }

  @Test
  void theInboxResourceNeedsAnAuthenticatedCallerInTheRole() throws Exception {
    assertThat(InboxOverHttp.status(inbox(), "GET", "inbox", "-")).isEqualTo(401);
    assertThat(InboxOverHttp.status(inbox(), "GET", "inbox", "guest")).isEqualTo(403);
    assertThat(InboxOverHttp.status(inbox(), "POST", "inbox/deferred/replay", "guest"))
        .isEqualTo(403);
    assertThat(InboxOverHttp.status(inbox(), "GET", "inbox", "operator")).isEqualTo(200);
    // The health needs no caller: load balancers probe it.
    assertThat(InboxOverHttp.status(inbox(), "GET", "inbox/health", "-")).isEqualTo(200);
    assertThat(WebhookInboxResource.duration("300ms")).hasMillis(300);
    assertThat(WebhookInboxResource.duration("5m")).hasMinutes(5);
    assertThat(WebhookInboxResource.duration("PT2S")).hasSeconds(2);
  }
}

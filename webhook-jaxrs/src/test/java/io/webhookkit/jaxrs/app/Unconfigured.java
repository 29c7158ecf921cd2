package io.webhookkit.jaxrs.app;

import io.webhookkit.core.WebhookEvent;
import io.webhookkit.jaxrs.WebhookEndpoint;
import io.webhookkit.jaxrs.WebhookEventType;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

/**
 * Classes that name endpoints nobody configured; without a bean-defining annotation, so that only
 * the tests that add them explicitly see them.
 */
public final class Unconfigured {
  private Unconfigured() {}

  /** A resource method naming an unconfigured endpoint. */
  @Path("/nowhere")
  public static class Resource {
    @POST
    @WebhookEndpoint("nowhere")
    public String handle() {
      return "never";
    }
  }

  /** An observer naming an unconfigured endpoint. */
  public static class Observer {
    void on(@Observes @WebhookEndpoint("elsewhere") WebhookEvent event) {}
  }

  /** Two observers taking the same event type of one endpoint. */
  public static class TwoForPush {
    void first(@Observes @WebhookEndpoint("github") @WebhookEventType("push") WebhookEvent e) {}

    void second(@Observes @WebhookEndpoint("github") @WebhookEventType("push") WebhookEvent e) {}
  }
}

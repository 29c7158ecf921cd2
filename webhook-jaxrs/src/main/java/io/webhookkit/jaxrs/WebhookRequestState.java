package io.webhookkit.jaxrs;

import io.webhookkit.core.DeliveryTicket;
import io.webhookkit.core.WebhookEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Produces;
import org.jspecify.annotations.Nullable;

/**
 * The verified event and its ticket for the current request, so that {@code @Inject WebhookEvent}
 * works in request-scoped resources and beans. When the request ends with its delivery still
 * unsettled — an exception no mapper turned into a response, so no response filter ran — the
 * delivery is released for the provider's retry.
 */
@RequestScoped
public class WebhookRequestState {
  private @Nullable WebhookEvent event;
  private @Nullable DeliveryTicket ticket;

  void set(WebhookEvent event, DeliveryTicket ticket) {
    this.event = event;
    this.ticket = ticket;
  }

  /** The event verified for this request, if the request went through a webhook endpoint. */
  public @Nullable WebhookEvent event() {
    return event;
  }

  @Produces
  @Dependent
  WebhookEvent currentEvent() {
    WebhookEvent current = event;
    if (current == null) {
      throw new IllegalStateException(
          "no verified webhook event in this request: inject WebhookEvent only where the request"
              + " went through a @WebhookEndpoint resource");
    }
    return current;
  }

  @PreDestroy
  void releaseUnsettled() {
    DeliveryTicket t = ticket;
    if (t != null && !t.isSettled()) {
      t.fail(new IllegalStateException("the request ended without a response filter"));
    }
  }
}

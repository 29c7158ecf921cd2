package io.webhookkit.jaxrs.app;

import io.webhookkit.core.WebhookEvent;
import io.webhookkit.jaxrs.WebhookEndpoint;
import io.webhookkit.jaxrs.WebhookEventType;
import io.webhookkit.test.ConformanceEndpoints;
import io.webhookkit.test.ConformanceHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * The conformance kit's deferred and auto handlers as CDI observers, routed by {@link
 * WebhookEventType}; each reads a request-scoped bean, so a worker's call fails unless the kit
 * activated a request context for it.
 */
@ApplicationScoped
public class DeferredObservers {
  @Inject RequestLocal requestLocal;

  void paid(
      @Observes @WebhookEndpoint(ConformanceEndpoints.DEFERRED) @WebhookEventType("invoice.paid")
          WebhookEvent event)
      throws InterruptedException {
    ConformanceHandler.shared()
        .handleDeferred(
            ConformanceEndpoints.DEFERRED, "invoice.paid", event, requestLocal.idOf(event));
  }

  void invoices(
      @Observes @WebhookEndpoint(ConformanceEndpoints.DEFERRED) @WebhookEventType("invoice.*")
          WebhookEvent event)
      throws InterruptedException {
    ConformanceHandler.shared()
        .handleDeferred(
            ConformanceEndpoints.DEFERRED, "invoice.*", event, requestLocal.idOf(event));
  }

  void auto(@Observes @WebhookEndpoint(ConformanceEndpoints.AUTO) WebhookEvent event)
      throws InterruptedException {
    requestLocal.idOf(event);
    ConformanceHandler.shared().handleDeferred(ConformanceEndpoints.AUTO, "*", event, null);
  }
}

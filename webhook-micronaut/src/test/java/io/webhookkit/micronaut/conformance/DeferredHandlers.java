package io.webhookkit.micronaut.conformance;

import io.micronaut.context.annotation.Requires;
import io.micronaut.serde.annotation.Serdeable;
import io.webhookkit.core.WebhookEvent;
import io.webhookkit.micronaut.WebhookHandler;
import io.webhookkit.test.ConformanceEndpoints;
import io.webhookkit.test.ConformanceHandler;
import jakarta.inject.Singleton;
import java.util.Map;

/**
 * The conformance kit's deferred and auto handlers as {@code @WebhookHandler} methods: {@code
 * invoice.paid} binds the payload to a map, other {@code invoice.*} types to a record, both with
 * the application's {@code JsonMapper}.
 */
@Requires(property = "test.conformance", value = "true")
@Singleton
public class DeferredHandlers {
  /** An invoice as the JSON mapper binds it. */
  @Serdeable
  public record Invoice(String id, String type) {}

  @WebhookHandler(endpoint = ConformanceEndpoints.DEFERRED, events = "invoice.paid")
  void paid(WebhookEvent event, Map<String, Object> payload) throws InterruptedException {
    ConformanceHandler.shared()
        .handleDeferred(
            ConformanceEndpoints.DEFERRED, "invoice.paid", event, (String) payload.get("id"));
  }

  @WebhookHandler(endpoint = ConformanceEndpoints.DEFERRED, events = "invoice.*")
  void invoices(Invoice invoice, WebhookEvent event) throws InterruptedException {
    ConformanceHandler.shared()
        .handleDeferred(ConformanceEndpoints.DEFERRED, "invoice.*", event, invoice.id());
  }

  @WebhookHandler(endpoint = ConformanceEndpoints.AUTO)
  void auto(byte[] body, WebhookEvent event) throws InterruptedException {
    if (body.length != event.body().length) {
      throw new IllegalStateException("the raw body was not bound");
    }
    ConformanceHandler.shared().handleDeferred(ConformanceEndpoints.AUTO, "*", event, null);
  }
}

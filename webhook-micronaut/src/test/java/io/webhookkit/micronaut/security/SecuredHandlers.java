package io.webhookkit.micronaut.security;

import io.micronaut.context.annotation.Requires;
import io.webhookkit.core.WebhookEvent;
import io.webhookkit.micronaut.WebhookHandler;
import jakarta.inject.Singleton;

/** The secured application's deferred handler. */
@Requires(property = "test.security", value = "true")
@Singleton
public class SecuredHandlers {
  @WebhookHandler(endpoint = "orders")
  void onOrder(WebhookEvent event) {
    SecuredApp.SEEN.add(event.deliveryId().orElseThrow());
  }
}

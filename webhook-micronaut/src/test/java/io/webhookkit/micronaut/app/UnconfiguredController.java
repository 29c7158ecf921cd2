package io.webhookkit.micronaut.app;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.webhookkit.core.WebhookEvent;
import io.webhookkit.micronaut.WebhookEndpoint;

/** Names an endpoint nobody configured: start-up must fail. */
@Requires(property = "test.unconfigured", value = "true")
@Controller("/unconfigured")
public class UnconfiguredController {
  @WebhookEndpoint("nowhere")
  @Post("/")
  String handle(WebhookEvent event) {
    return event.endpoint();
  }
}

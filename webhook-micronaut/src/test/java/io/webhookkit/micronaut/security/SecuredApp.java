package io.webhookkit.micronaut.security;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.webhookkit.core.WebhookEvent;
import io.webhookkit.micronaut.WebhookEndpoint;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An application under Micronaut Security with no rule of its own for its webhooks: its other
 * routes need a login, one webhook route is explicitly {@code @Secured(DENY_ALL)}.
 */
@Requires(property = "test.security", value = "true")
@Controller("/secured-app")
public class SecuredApp {
  /** The delivery ids the webhook handler saw. */
  public static final List<String> SEEN = new CopyOnWriteArrayList<>();

  @Post("/hooks/github")
  @WebhookEndpoint("github")
  HttpResponse<String> github(WebhookEvent event, @Body String body) {
    SEEN.add(event.deliveryId().orElseThrow());
    return HttpResponse.ok("ok");
  }

  @Post("/hooks/dropbox")
  @WebhookEndpoint("dropbox")
  HttpResponse<String> dropbox(WebhookEvent event, @Body String body) {
    SEEN.add(event.deliveryId().orElseThrow());
    return HttpResponse.ok("ok");
  }

  /** A deferred endpoint's route: the guard answers it, the method is never reached. */
  @Post("/hooks/orders")
  @WebhookEndpoint("orders")
  HttpResponse<String> orders(WebhookEvent event) {
    return HttpResponse.serverError("a deferred delivery reached the controller");
  }

  @Post("/hooks/denied")
  @WebhookEndpoint("github")
  @Secured(SecurityRule.DENY_ALL)
  HttpResponse<String> denied(WebhookEvent event, @Body String body) {
    SEEN.add(event.deliveryId().orElseThrow());
    return HttpResponse.ok("ok");
  }

  @Get("/private")
  String privateGet() {
    return "private";
  }

  @Post("/private")
  String privatePost(@Body String body) {
    return "private";
  }
}

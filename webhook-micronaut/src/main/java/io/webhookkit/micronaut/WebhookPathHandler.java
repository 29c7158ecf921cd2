package io.webhookkit.micronaut;

import io.micronaut.context.annotation.Executable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.webhookkit.core.Decision;
import io.webhookkit.core.Reason;
import io.webhookkit.core.WebhookEvent;
import jakarta.inject.Singleton;

/**
 * The target of {@link WebhookPathRoutes}: the guard ran in {@link WebhookServerFilter} (a deferred
 * delivery was answered there); a sync delivery is handed to its {@code @WebhookHandler} method and
 * answered 200, or 500 when the method throws (the provider's retry is then processed).
 */
@Singleton
final class WebhookPathHandler {
  private final WebhookGuards guards;

  WebhookPathHandler(WebhookGuards guards) {
    this.guards = guards;
  }

  @WebhookEndpoint
  @ExecuteOn(TaskExecutors.BLOCKING)
  @Executable
  HttpResponse<?> handle(HttpRequest<?> request) {
    WebhookEvent event =
        request.getAttribute(WebhookEvent.ATTRIBUTE, WebhookEvent.class).orElse(null);
    if (event == null) {
      return WebhookServerFilter.toResponse(
          Decision.refusal(
              Reason.SIGNATURE_MISSING, "The request did not pass the webhook guard.", null));
    }
    return HttpResponse.status(
        HttpStatus.valueOf(guards.handlers().handleInRequest(event.endpoint(), event)));
  }
}

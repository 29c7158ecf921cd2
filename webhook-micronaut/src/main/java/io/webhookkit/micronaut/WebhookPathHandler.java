package io.webhookkit.micronaut;

import io.micronaut.context.annotation.Executable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.webhookkit.core.Decision;
import io.webhookkit.core.Reason;
import io.webhookkit.core.WebhookEvent;
import io.webhookkit.core.WebhookHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The target of {@link WebhookPathRoutes}: the guard ran in {@link WebhookServerFilter} (a deferred
 * delivery was answered there); a sync delivery is handed to its {@code @WebhookHandler} method and
 * answered 200, or 500 when the method throws (the provider's retry is then processed).
 */
@Singleton
final class WebhookPathHandler {
  private static final Logger LOG = LoggerFactory.getLogger(WebhookPathHandler.class);

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
    WebhookHandler handler = guards.handlers().handlerFor(event.endpoint());
    if (!handler.handles(event)) {
      LOG.debug(
          "webhook delivery on endpoint {} of type {} has no handler; answered as unhandled",
          event.endpoint(),
          event.eventType().orElse("(none)"));
      return HttpResponse.ok();
    }
    try {
      handler.handle(event);
      return HttpResponse.ok();
    } catch (Exception e) {
      LOG.warn(
          "webhook handler of endpoint {} failed ({}); answered 500 so the provider retries",
          event.endpoint(),
          e.getClass().getName());
      LOG.debug("webhook handler failure", e);
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      return HttpResponse.serverError();
    }
  }
}

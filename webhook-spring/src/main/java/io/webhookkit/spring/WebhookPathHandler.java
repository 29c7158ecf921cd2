package io.webhookkit.spring;

import io.webhookkit.core.Decision;
import io.webhookkit.core.Reason;
import io.webhookkit.core.WebhookEvent;
import io.webhookkit.core.adapter.EndpointHandlers;
import io.webhookkit.servlet.WebhookFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.HttpRequestHandler;

/**
 * What the kit maps at an endpoint's {@code path} when no controller does: the guard ran in the
 * dispatch filter (a deferred delivery was answered there); here a sync delivery is handed to its
 * {@link WebhookHandler} method and answered 200, or 500 when the method throws.
 */
final class WebhookPathHandler implements HttpRequestHandler {
  private static final Logger LOG = LoggerFactory.getLogger(WebhookPathHandler.class);

  private final String endpoint;
  private final EndpointHandlers handlers;

  WebhookPathHandler(String endpoint, EndpointHandlers handlers) {
    this.endpoint = endpoint;
    this.handlers = handlers;
  }

  /** The endpoint served. */
  String endpoint() {
    return endpoint;
  }

  @Override
  public void handleRequest(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (!(request.getAttribute(WebhookEvent.ATTRIBUTE) instanceof WebhookEvent event)) {
      WebhookFilter.write(
          Decision.refusal(
              Reason.SIGNATURE_MISSING, "The request did not pass the webhook guard.", null),
          response);
      return;
    }
    io.webhookkit.core.WebhookHandler handler = handlers.handlerFor(endpoint);
    if (!handler.handles(event)) {
      LOG.debug(
          "webhook delivery on endpoint {} of type {} has no handler; answered as unhandled",
          endpoint,
          event.eventType().orElse("(none)"));
      response.setStatus(200);
      return;
    }
    try {
      handler.handle(event);
      response.setStatus(200);
    } catch (Exception e) {
      LOG.warn(
          "webhook handler of endpoint {} failed ({}); answered 500 so the provider retries",
          endpoint,
          e.getClass().getName());
      LOG.debug("webhook handler failure", e);
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      response.setStatus(500);
    }
  }
}

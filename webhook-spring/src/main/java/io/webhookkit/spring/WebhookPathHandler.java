package io.webhookkit.spring;

import io.webhookkit.core.Decision;
import io.webhookkit.core.Reason;
import io.webhookkit.core.WebhookEvent;
import io.webhookkit.core.adapter.EndpointHandlers;
import io.webhookkit.servlet.WebhookFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.HttpRequestHandler;

/**
 * What the kit maps at an endpoint's {@code path} when no controller does: the guard ran in the
 * dispatch filter (a deferred delivery was answered there); here a sync delivery is handed to its
 * {@link WebhookHandler} method and answered 200, or 500 when the method throws.
 */
final class WebhookPathHandler implements HttpRequestHandler {
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
    response.setStatus(handlers.handleInRequest(endpoint, event));
  }
}

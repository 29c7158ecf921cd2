package io.webhookkit.micronaut;

import io.micronaut.context.ExecutionHandleLocator;
import io.micronaut.http.HttpRequest;
import io.micronaut.web.router.DefaultRouteBuilder;
import io.micronaut.web.router.UriRoute;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * Serves {@code webhook.endpoints.<name>.path} for every endpoint that sets it, so that a whole
 * receiver is configuration plus {@code @WebhookHandler} methods: a {@code POST} route to {@link
 * WebhookPathHandler}, guarded like any {@code @WebhookEndpoint} route (handshakes included). Do
 * not also map the path in a controller.
 */
@Singleton
@SuppressWarnings("overrides") // Micronaut's DefaultRouteBuilder drops the varargs of its API
final class WebhookPathRoutes extends DefaultRouteBuilder {
  WebhookPathRoutes(ExecutionHandleLocator locator, List<WebhookEndpointConfiguration> endpoints) {
    super(locator);
    for (WebhookEndpointConfiguration endpoint : endpoints) {
      String path = endpoint.get("path");
      if (path != null && !path.isBlank()) {
        // Any content type: providers post JSON, forms (Slack, Twilio) and text (SNS).
        UriRoute route = POST(path.trim(), WebhookPathHandler.class, "handle", HttpRequest.class);
        route.consumesAll();
      }
    }
  }
}

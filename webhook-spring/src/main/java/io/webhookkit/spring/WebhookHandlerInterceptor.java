package io.webhookkit.spring;

import io.webhookkit.core.WebhookEvent;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * The fail-closed second check: a {@link WebhookEndpoint} handler is never called for a request
 * that did not pass the guard (a dispatch the filter did not see, an error dispatch, a forward).
 */
public class WebhookHandlerInterceptor implements HandlerInterceptor {
  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
      throws Exception {
    if (!(handler instanceof HandlerMethod)
        || WebhookDispatchFilter.endpointName((HandlerMethod) handler).isEmpty()
        || request.getAttribute(WebhookEvent.ATTRIBUTE) instanceof WebhookEvent) {
      return true;
    }
    byte[] body =
        "{\"title\":\"Webhook not verified\",\"status\":401,\"reason\":\"signature_missing\",\"detail\":\"The request did not pass the webhook guard.\"}"
            .getBytes(StandardCharsets.UTF_8);
    response.setStatus(401);
    response.setContentType("application/problem+json");
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
    return false;
  }
}

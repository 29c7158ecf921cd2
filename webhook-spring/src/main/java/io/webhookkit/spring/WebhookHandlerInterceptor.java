package io.webhookkit.spring;

import io.webhookkit.core.Decision;
import io.webhookkit.core.Reason;
import io.webhookkit.core.WebhookEvent;
import io.webhookkit.servlet.WebhookFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
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
    if (!(handler instanceof HandlerMethod method)
        || WebhookDispatchFilter.endpointName(method).isEmpty()
        || request.getAttribute(WebhookEvent.ATTRIBUTE) instanceof WebhookEvent) {
      return true;
    }
    WebhookFilter.write(
        Decision.refusal(
            Reason.SIGNATURE_MISSING, "The request did not pass the webhook guard.", null),
        response);
    return false;
  }
}

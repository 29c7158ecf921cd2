package io.webhookkit.spring;

import io.webhookkit.core.WebhookEvent;
import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Resolves a {@link WebhookEvent} controller parameter to the request's verified event. */
public class WebhookEventArgumentResolver implements HandlerMethodArgumentResolver {
  @Override
  public boolean supportsParameter(MethodParameter parameter) {
    return WebhookEvent.class.equals(parameter.getParameterType());
  }

  @Override
  public @Nullable Object resolveArgument(
      MethodParameter parameter,
      @Nullable ModelAndViewContainer mavContainer,
      NativeWebRequest webRequest,
      @Nullable WebDataBinderFactory binderFactory) {
    Object event = webRequest.getAttribute(WebhookEvent.ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
    if (event == null) {
      throw new IllegalStateException(
          "no verified webhook event on this request: put @WebhookEndpoint on the handler");
    }
    return event;
  }
}

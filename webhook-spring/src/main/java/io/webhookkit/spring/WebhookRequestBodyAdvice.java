package io.webhookkit.spring;

import io.webhookkit.core.WebhookEvent;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.lang.reflect.Type;
import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * Gives {@code @RequestBody} the exact verified bytes. Spring MVC rebuilds a form POST's body from
 * its parameters, which need not be the bytes that were signed; on webhook endpoints the body is
 * the one the guard verified.
 */
@ControllerAdvice
public class WebhookRequestBodyAdvice extends RequestBodyAdviceAdapter {
  private static @Nullable WebhookEvent event() {
    RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
    Object event =
        attributes == null
            ? null
            : attributes.getAttribute(WebhookEvent.ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
    return event instanceof WebhookEvent e ? e : null;
  }

  @Override
  public boolean supports(
      MethodParameter methodParameter,
      Type targetType,
      Class<? extends HttpMessageConverter<?>> converterType) {
    return event() != null;
  }

  @Override
  public HttpInputMessage beforeBodyRead(
      HttpInputMessage inputMessage,
      MethodParameter parameter,
      Type targetType,
      Class<? extends HttpMessageConverter<?>> converterType) {
    WebhookEvent event = event();
    if (event == null) {
      return inputMessage;
    }
    byte[] body = event.body();
    // Spring computed Content-Length for the body it rebuilt from form parameters; state the real
    // one. (forEach, addAll(String, List) and setContentLength resolve on Spring 6.2 and 7.)
    HttpHeaders headers = new HttpHeaders();
    inputMessage.getHeaders().forEach(headers::addAll);
    headers.setContentLength(body.length);
    return new HttpInputMessage() {
      @Override
      public InputStream getBody() {
        return new ByteArrayInputStream(body);
      }

      @Override
      public HttpHeaders getHeaders() {
        return headers;
      }
    };
  }
}

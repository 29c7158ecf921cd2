package io.webhookkit.jaxrs;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AnnotatedMethod;
import jakarta.enterprise.inject.spi.AnnotatedParameter;
import jakarta.enterprise.inject.spi.AnnotatedType;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.WithAnnotations;
import java.util.Map;
import java.util.TreeMap;

/**
 * Fails the deployment, naming the endpoint and the key, when the configuration is invalid or when
 * a {@code @WebhookEndpoint} — on a resource method or class, or on an observer's parameter — names
 * an endpoint that is not configured: the guards are built while the container validates the
 * deployment, not at the first request.
 */
public class WebhookExtension implements Extension {
  private final Map<String, String> used = new TreeMap<>();

  <T> void collect(@Observes @WithAnnotations(WebhookEndpoint.class) ProcessAnnotatedType<T> pat) {
    AnnotatedType<T> type = pat.getAnnotatedType();
    String owner = type.getJavaClass().getName();
    WebhookEndpoint onType = type.getAnnotation(WebhookEndpoint.class);
    if (onType != null) {
      use(onType, owner);
    }
    for (AnnotatedMethod<? super T> method : type.getMethods()) {
      String where = owner + "." + method.getJavaMember().getName();
      WebhookEndpoint onMethod = method.getAnnotation(WebhookEndpoint.class);
      if (onMethod != null) {
        use(onMethod, where);
      }
      for (AnnotatedParameter<? super T> parameter : method.getParameters()) {
        WebhookEndpoint onParameter = parameter.getAnnotation(WebhookEndpoint.class);
        if (onParameter != null) {
          use(onParameter, where);
        }
      }
    }
  }

  private void use(WebhookEndpoint endpoint, String where) {
    if (!endpoint.value().isEmpty()) {
      used.putIfAbsent(endpoint.value(), where);
    }
  }

  /** Endpoint name → where a {@code @WebhookEndpoint} names it, for {@link WebhookGuards}. */
  Map<String, String> usedEndpoints() {
    return Map.copyOf(used);
  }
}

package io.webhookkit.jaxrs;

import io.webhookkit.core.WebhookEvent;
import io.webhookkit.core.adapter.EndpointNames;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AnnotatedMethod;
import jakarta.enterprise.inject.spi.AnnotatedParameter;
import jakarta.enterprise.inject.spi.AnnotatedType;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.ProcessObserverMethod;
import jakarta.enterprise.inject.spi.WithAnnotations;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Fails the deployment, naming the endpoint and the key, when the configuration is invalid or when
 * a {@code @WebhookEndpoint} — on a resource method or class, or on an observer's parameter — names
 * an endpoint that is not configured: the guards are built while the container validates the
 * deployment, not at the first request.
 */
public class WebhookExtension implements Extension {
  private final Map<String, String> used = new TreeMap<>();
  private final List<HandshakePaths.Route> postRoutes = new ArrayList<>();
  private final Set<String> otherRoutes = new HashSet<>();
  private final List<Observer> observers = new ArrayList<>();
  private boolean unqualifiedObserver;

  /**
   * An observer of {@code WebhookEvent} qualified with {@code @WebhookEndpoint}.
   *
   * @param endpoint the endpoint it names
   * @param events its {@link WebhookEventType} pattern, or none
   * @param where the observer method, for messages
   */
  record Observer(String endpoint, List<String> events, String where) {}

  void observers(@Observes ProcessObserverMethod<WebhookEvent, ?> pom) {
    WebhookEndpoint qualifier = null;
    List<String> types = new ArrayList<>();
    for (Annotation a : pom.getObserverMethod().getObservedQualifiers()) {
      if (a instanceof WebhookEndpoint w) {
        qualifier = w;
      } else if (a instanceof WebhookEventType t) {
        types.add(t.value());
      }
    }
    if (qualifier == null || qualifier.value().isEmpty()) {
      unqualifiedObserver = true;
      return;
    }
    if (EndpointNames.pathVariable(qualifier.value()).isPresent()) {
      return;
    }
    AnnotatedMethod<?> method = pom.getAnnotatedMethod();
    String where =
        "the observer "
            + (method == null
                ? pom.getObserverMethod().getBeanClass().getName()
                : method.getJavaMember().getDeclaringClass().getName()
                    + "."
                    + method.getJavaMember().getName());
    observers.add(new Observer(qualifier.value(), types, where));
  }

  /** The qualified observers found, in discovery order. */
  List<Observer> observers() {
    return List.copyOf(observers);
  }

  /** Whether an observer takes every {@code WebhookEvent} (no {@code @WebhookEndpoint}). */
  boolean hasUnqualifiedObserver() {
    return unqualifiedObserver;
  }

  <T> void collect(@Observes @WithAnnotations(WebhookEndpoint.class) ProcessAnnotatedType<T> pat) {
    AnnotatedType<T> type = pat.getAnnotatedType();
    String owner = type.getJavaClass().getName();
    WebhookEndpoint onType = type.getAnnotation(WebhookEndpoint.class);
    if (onType != null) {
      use(onType, owner);
    }
    Path classPath = type.getAnnotation(Path.class);
    for (AnnotatedMethod<? super T> method : type.getMethods()) {
      String where = owner + "." + method.getJavaMember().getName();
      WebhookEndpoint onMethod = method.getAnnotation(WebhookEndpoint.class);
      if (onMethod != null) {
        use(onMethod, where);
      }
      WebhookEndpoint effective =
          onMethod != null && !onMethod.value().isEmpty() ? onMethod : onType;
      Path methodPath = method.getAnnotation(Path.class);
      String template =
          HandshakePaths.join(
              classPath == null ? null : classPath.value(),
              methodPath == null ? null : methodPath.value());
      if (method.isAnnotationPresent(POST.class)
          && effective != null
          && !effective.value().isEmpty()) {
        postRoutes.add(new HandshakePaths.Route(template, effective.value()));
      } else if (method.isAnnotationPresent(GET.class)
          || method.isAnnotationPresent(HEAD.class)
          || method.isAnnotationPresent(OPTIONS.class)) {
        otherRoutes.add(template);
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
    if (!endpoint.value().isEmpty() && EndpointNames.pathVariable(endpoint.value()).isEmpty()) {
      used.putIfAbsent(endpoint.value(), where);
    }
  }

  /**
   * The paths of the guarded {@code POST} resource methods whose path has no {@code GET}, {@code
   * HEAD} or {@code OPTIONS} method of its own, for {@link WebhookHandshakeFilter}.
   */
  HandshakePaths handshakePaths() {
    List<HandshakePaths.Route> routes = new ArrayList<>();
    for (HandshakePaths.Route route : postRoutes) {
      if (!otherRoutes.contains(route.template())) {
        routes.add(route);
      }
    }
    return new HandshakePaths(routes);
  }

  /** Endpoint name → where a {@code @WebhookEndpoint} names it, for {@link WebhookGuards}. */
  Map<String, String> usedEndpoints() {
    return Map.copyOf(used);
  }
}

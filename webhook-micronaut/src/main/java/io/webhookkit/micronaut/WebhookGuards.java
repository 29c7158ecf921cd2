package io.webhookkit.micronaut;

import io.micronaut.context.annotation.Context;
import io.micronaut.core.annotation.AnnotationMetadata;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import io.webhookkit.core.WebhookConfigurationException;
import io.webhookkit.core.WebhookGuard;
import io.webhookkit.core.WebhookListener;
import io.webhookkit.core.adapter.EndpointCustomizer;
import io.webhookkit.core.adapter.EndpointGuards;
import io.webhookkit.core.adapter.EndpointNames;
import io.webhookkit.core.idempotency.IdempotencyStore;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One guard per configured endpoint, built when the application starts, so that a missing or
 * invalid key — or a {@code @WebhookEndpoint} naming an endpoint that is not configured — fails
 * start-up with a message naming the endpoint and the key. All guards share the idempotency store
 * bean, report every attempt to every {@link WebhookListener} bean and apply every {@link
 * EndpointCustomizer} bean (the core's {@link EndpointGuards}). Immutable.
 */
@Context
public final class WebhookGuards {
  private final EndpointGuards guards;

  WebhookGuards(
      List<WebhookEndpointConfiguration> endpoints,
      IdempotencyStore store,
      List<WebhookListener> listeners,
      List<EndpointCustomizer> customizers,
      Router router) {
    EndpointGuards.Builder builder =
        EndpointGuards.builder()
            .idempotencyStore(store)
            .listeners(listeners)
            .customizers(customizers);
    endpoints.forEach(endpoint -> builder.endpoint(endpoint.getName(), endpoint));
    this.guards = builder.build();
    for (UriRouteInfo<?, ?> route : router.uriRoutes().toList()) {
      String name = endpointName(route);
      if (name != null
          && EndpointNames.pathVariable(name).isEmpty()
          && guards.guard(name).isEmpty()) {
        throw WebhookConfigurationException.unconfiguredEndpoint(
            name, route.getHttpMethodName() + " " + route.getUriMatchTemplate());
      }
    }
  }

  static @Nullable String endpointName(UriRouteInfo<?, ?> route) {
    AnnotationMetadata metadata = route.getAnnotationMetadata();
    return metadata.stringValue(WebhookEndpoint.class).filter(s -> !s.isBlank()).orElse(null);
  }

  /** The guard of an endpoint. */
  public Optional<WebhookGuard> guard(String name) {
    return guards.guard(name);
  }

  /** Every guard by endpoint name, in configuration order. */
  public Map<String, WebhookGuard> all() {
    return guards.all();
  }
}

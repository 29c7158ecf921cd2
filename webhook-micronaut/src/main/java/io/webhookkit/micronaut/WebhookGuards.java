package io.webhookkit.micronaut;

import io.micronaut.context.annotation.Context;
import io.micronaut.core.annotation.AnnotationMetadata;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import io.webhookkit.core.EndpointConfig;
import io.webhookkit.core.WebhookConfigurationException;
import io.webhookkit.core.WebhookGuard;
import io.webhookkit.core.WebhookListener;
import io.webhookkit.core.adapter.EndpointNames;
import io.webhookkit.core.idempotency.IdempotencyStore;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One guard per configured endpoint, built when the application starts, so that a missing or
 * invalid key — or a {@code @WebhookEndpoint} naming an endpoint that is not configured — fails
 * start-up with a message naming the endpoint and the key. All guards share the idempotency store
 * bean and report every attempt to every {@link WebhookListener} bean. Immutable.
 */
@Context
public final class WebhookGuards {
  private final Map<String, WebhookGuard> guards;

  WebhookGuards(
      List<WebhookEndpointConfiguration> endpoints,
      IdempotencyStore store,
      List<WebhookListener> listeners,
      List<WebhookEndpointCustomizer> customizers,
      Router router) {
    WebhookListener listener = WebhookListener.all(listeners);
    Map<String, WebhookGuard> built = new LinkedHashMap<>();
    for (WebhookEndpointConfiguration endpoint : endpoints) {
      EndpointConfig.Builder builder =
          EndpointConfig.builder(endpoint.getName(), endpoint, System::getenv);
      customizers.forEach(c -> c.customize(endpoint.getName(), builder));
      built.put(
          endpoint.getName(),
          WebhookGuard.builder(builder.build()).idempotencyStore(store).listener(listener).build());
    }
    this.guards = Collections.unmodifiableMap(built);
    for (UriRouteInfo<?, ?> route : router.uriRoutes().toList()) {
      String name = endpointName(route);
      if (name != null && EndpointNames.pathVariable(name).isEmpty() && !guards.containsKey(name)) {
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
    return Optional.ofNullable(guards.get(name));
  }

  /** Every guard by endpoint name, in configuration order. */
  public Map<String, WebhookGuard> all() {
    return guards;
  }
}

package io.webhookkit.micronaut;

import io.micronaut.context.annotation.Context;
import io.micronaut.core.annotation.AnnotationMetadata;
import io.micronaut.core.reflect.ClassUtils;
import io.micronaut.core.value.PropertyResolver;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import io.webhookkit.core.WebhookConfigurationException;
import io.webhookkit.core.WebhookGuard;
import io.webhookkit.core.WebhookListener;
import io.webhookkit.core.WebhookWorkers;
import io.webhookkit.core.adapter.EndpointCustomizer;
import io.webhookkit.core.adapter.EndpointGuards;
import io.webhookkit.core.adapter.EndpointHandlers;
import io.webhookkit.core.adapter.EndpointNames;
import io.webhookkit.core.idempotency.IdempotencyStore;
import io.webhookkit.core.inbox.DeliveryInbox;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Named;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
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
  private final EndpointHandlers handlers = new EndpointHandlers();
  private final @Nullable WebhookWorkers workers;
  private final @Nullable AutoCloseable forwarders;

  WebhookGuards(
      List<WebhookEndpointConfiguration> endpoints,
      IdempotencyStore store,
      List<WebhookListener> listeners,
      List<EndpointCustomizer> customizers,
      List<WebhookWorkers.Listener> workerListeners,
      @Named(TaskExecutors.BLOCKING) ExecutorService blocking,
      PropertyResolver properties,
      Router router) {
    EndpointGuards.Builder builder =
        EndpointGuards.builder()
            .idempotencyStore(store)
            .listeners(listeners)
            .customizers(customizers)
            .handlers(handlers::handlerFor);
    if (store instanceof DeliveryInbox inbox) {
      WebhookWorkers.Builder w =
          WebhookWorkers.builder(inbox)
              .settings(key -> properties.get(key, String.class).orElse(null))
              .executor(blocking);
      if (!workerListeners.isEmpty()) {
        w.listener(workerListeners.get(0));
      }
      this.workers = w.build();
      builder.workers(workers);
    } else {
      this.workers = null;
    }
    if (ClassUtils.isPresent("io.webhookkit.kafka.KafkaForwarder", getClass().getClassLoader())) {
      MicronautKafkaForwarders kafka = new MicronautKafkaForwarders(properties);
      builder.forwarders(kafka::forwarderFor);
      this.forwarders = kafka;
    } else {
      this.forwarders = null;
    }
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

  /** The endpoint whose {@code path} the kit serves at this request path, if any. */
  Optional<String> servedAt(String path) {
    for (Map.Entry<String, WebhookGuard> g : guards.all().entrySet()) {
      if (g.getValue().config().path().filter(path::equals).isPresent()) {
        return Optional.of(g.getKey());
      }
    }
    return Optional.empty();
  }

  /** The routing table the {@code @WebhookHandler} methods are registered in. */
  EndpointHandlers handlers() {
    return handlers;
  }

  /** Checks the handlers against the endpoints, then starts the worker pool. */
  void start() {
    handlers.freeze(guards.configs());
    WebhookWorkers w = workers;
    if (w != null) {
      w.start();
    }
  }

  /** Drains the pool: running handlers get {@code webhook.inbox.shutdown-grace}. */
  @PreDestroy
  void close() throws Exception {
    WebhookWorkers w = workers;
    if (w != null) {
      w.close();
    }
    AutoCloseable f = forwarders;
    if (f != null) {
      f.close();
    }
  }

  /** The worker pool of the deferred and auto endpoints, when the store has an inbox. */
  public Optional<WebhookWorkers> workers() {
    return Optional.ofNullable(workers);
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

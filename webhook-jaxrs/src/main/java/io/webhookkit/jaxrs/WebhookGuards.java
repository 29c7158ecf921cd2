package io.webhookkit.jaxrs;

import io.webhookkit.core.WebhookConfigurationException;
import io.webhookkit.core.WebhookEvent;
import io.webhookkit.core.WebhookGuard;
import io.webhookkit.core.WebhookHandler;
import io.webhookkit.core.WebhookHandlers;
import io.webhookkit.core.WebhookListener;
import io.webhookkit.core.WebhookWorkers;
import io.webhookkit.core.adapter.EndpointCustomizer;
import io.webhookkit.core.adapter.EndpointGuards;
import io.webhookkit.core.adapter.EndpointHandlers;
import io.webhookkit.core.idempotency.IdempotencyStore;
import io.webhookkit.core.inbox.DeliveryInbox;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.context.control.RequestContextController;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.jspecify.annotations.Nullable;

/**
 * One guard per configured endpoint, built from the {@link WebhookSettings} (the application's
 * producer, else MicroProfile Config, else {@code webhook.properties}), sharing the idempotency
 * store bean, reporting every attempt to every {@link WebhookListener} bean and applying every
 * {@link EndpointCustomizer} bean (the core's {@link EndpointGuards}). Built when the application
 * starts (the {@link WebhookExtension} fails the deployment on a bad key or an unconfigured
 * {@code @WebhookEndpoint}).
 *
 * <p>The CDI event is the handler model. Each delivery is fired with {@code @WebhookEndpoint} of
 * the most specific observer whose {@code events} match its type: in the request for {@code sync}
 * endpoints, and for {@code deferred} and {@code auto} endpoints by the worker pool ({@code
 * webhook.inbox.*}) outside any request, with a request context activated for the call. An observer
 * that throws schedules the next attempt. The observers run on the container's {@code
 * java:comp/DefaultManagedExecutorService} when it has one (at most {@code webhook.inbox.workers}
 * at once), else on the kit's own threads. Thread-safe.
 */
@ApplicationScoped
public class WebhookGuards {
  private Map<String, WebhookGuard> guards = Map.of();
  private @Nullable EndpointHandlers handlers;
  private @Nullable WebhookWorkers workers;

  /** For the CDI proxy. */
  protected WebhookGuards() {}

  @Inject
  WebhookGuards(
      Instance<WebhookSettings> settings,
      IdempotencyStore store,
      Instance<WebhookListener> listeners,
      Instance<EndpointCustomizer> customizers,
      Instance<WebhookWorkers.Listener> workerListeners,
      Event<WebhookEvent> events,
      Instance<RequestContextController> requestContexts,
      WebhookExtension extension) {
    WebhookSettings resolved = WebhookSettingsSource.resolve(settings);
    EndpointHandlers declared = new EndpointHandlers();
    EndpointGuards.Builder b =
        EndpointGuards.builder()
            .endpoints(resolved.endpoints())
            .idempotencyStore(store)
            .listeners(listeners.stream().toList())
            .customizers(customizers.stream().toList())
            .handlers(declared::handlerFor);
    if (store instanceof DeliveryInbox inbox) {
      WebhookWorkers.Builder w = WebhookWorkers.builder(inbox).settings(resolved::get);
      Executor managed = managedExecutor();
      if (managed != null) {
        w.executor(managed);
      }
      workerListeners.stream().findFirst().ifPresent(w::listener);
      workers = w.build();
      b.workers(workers);
    }
    EndpointGuards built = b.build();
    Set<String> untyped = new HashSet<>();
    for (WebhookExtension.Observer o : extension.observers()) {
      if (o.events().isEmpty()) {
        // Every observer of the endpoint without a type hears one firing: one route for them all.
        if (untyped.add(o.endpoint())) {
          declared.add(
              new EndpointHandlers.Declared(
                  o.endpoint(),
                  List.of(),
                  event -> fire(events, requestContexts, o.endpoint(), null, event),
                  o.where()));
        }
        continue;
      }
      String pattern = o.events().get(0);
      declared.add(
          new EndpointHandlers.Declared(
              o.endpoint(),
              o.events(),
              event -> fire(events, requestContexts, o.endpoint(), pattern, event),
              o.where()));
    }
    built
        .configs()
        .forEach(
            (name, config) -> {
              boolean observed =
                  extension.observers().stream().anyMatch(o -> o.endpoint().equals(name));
              if (!observed
                  && config.processing().usesInbox()
                  && extension.hasUnqualifiedObserver()) {
                // Only observers of every WebhookEvent: they take this endpoint's deliveries.
                declared.add(
                    new EndpointHandlers.Declared(
                        name,
                        List.of(),
                        event -> fire(events, requestContexts, name, null, event),
                        "an observer of every WebhookEvent"));
              }
            });
    declared.freeze(built.configs());
    this.handlers = declared;
    this.guards = built.all();
  }

  @SuppressWarnings("BanJNDI") // a fixed, standard name: nothing from a request reaches the lookup
  private static @Nullable Executor managedExecutor() {
    try {
      Object found = new InitialContext().lookup("java:comp/DefaultManagedExecutorService");
      return found instanceof Executor e ? e : null;
    } catch (NamingException | RuntimeException | LinkageError none) {
      return null; // not in a Jakarta EE container: the kit's own threads
    }
  }

  private static void fire(
      Event<WebhookEvent> events,
      Instance<RequestContextController> requestContexts,
      String endpoint,
      @Nullable String type,
      WebhookEvent event) {
    RequestContextController context = requestContexts.get();
    boolean activated = context.activate();
    try {
      (type == null
              ? events.select(WebhookEndpoint.Literal.of(endpoint))
              : events.select(
                  WebhookEndpoint.Literal.of(endpoint), WebhookEventType.Literal.of(type)))
          .fire(event);
    } finally {
      if (activated) {
        context.deactivate();
      }
      requestContexts.destroy(context);
    }
  }

  /**
   * Fires a verified sync delivery in the request: through the most specific observer's qualifier
   * when the endpoint has qualified observers, else with {@code @WebhookEndpoint(name)} as before.
   */
  void fireInRequest(Event<WebhookEvent> events, String name, WebhookEvent event) throws Exception {
    EndpointHandlers h = handlers;
    Optional<WebhookHandlers> routes = h == null ? Optional.empty() : h.routes(name);
    if (routes.isEmpty()) {
      events.select(WebhookEndpoint.Literal.of(name)).fire(event);
      return;
    }
    WebhookHandler route = routes.get().route(event.eventType().orElse(null));
    if (route != null) {
      route.handle(event);
    }
  }

  /** Builds the guards when the application starts, checks every name used, starts the pool. */
  void validateAtStartup(
      @Observes @Initialized(ApplicationScoped.class) Object started, WebhookExtension extension) {
    extension
        .usedEndpoints()
        .forEach(
            (name, where) -> {
              if (!guards.containsKey(name)) {
                throw WebhookConfigurationException.unconfiguredEndpoint(name, where);
              }
            });
    WebhookWorkers w = workers;
    if (w != null) {
      w.start();
    }
  }

  /** Drains the pool with the application: running handlers get {@code inbox.shutdown-grace}. */
  @PreDestroy
  void close() {
    WebhookWorkers w = workers;
    if (w != null) {
      w.close();
    }
  }

  /** The worker pool of the deferred and auto endpoints, when the store has an inbox. */
  public Optional<WebhookWorkers> workers() {
    return Optional.ofNullable(workers);
  }

  /** The guard of an endpoint. */
  public Optional<WebhookGuard> guard(String name) {
    return Optional.ofNullable(guards.get(name));
  }

  /** Every guard by endpoint name. */
  public Map<String, WebhookGuard> all() {
    return guards;
  }
}

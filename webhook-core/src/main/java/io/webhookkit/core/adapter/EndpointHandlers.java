package io.webhookkit.core.adapter;

import io.webhookkit.core.EndpointConfig;
import io.webhookkit.core.Processing;
import io.webhookkit.core.WebhookConfigurationException;
import io.webhookkit.core.WebhookEvent;
import io.webhookkit.core.WebhookHandler;
import io.webhookkit.core.WebhookHandlers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The handlers an application declared with its framework's annotation ({@code @WebhookHandler} in
 * Spring and Micronaut), collected while the framework starts and checked once every one is known:
 * a handler naming an unconfigured endpoint, two handlers taking the same event pattern of one
 * endpoint, a bad pattern, or a deferred endpoint no handler names fails start-up with a message
 * naming the method. The guards are built before the handlers are all found, so each endpoint's
 * guard gets {@link #handlerFor}: a router that reads the table frozen by {@link #freeze}.
 * Thread-safe.
 */
public final class EndpointHandlers {
  /**
   * One declared handler.
   *
   * @param endpoint the endpoint it names
   * @param events its event patterns (empty: every event, as {@code *})
   * @param handler calls the method
   * @param origin what declares it, e.g. {@code @WebhookHandler on GitHubHooks.onPush}, for
   *     messages
   */
  public record Declared(
      String endpoint, List<String> events, WebhookHandler handler, String origin) {
    /** Copies the list. */
    public Declared {
      events = List.copyOf(events);
    }
  }

  private static final Logger LOG = LoggerFactory.getLogger(EndpointHandlers.class);

  private final List<Declared> declared = new ArrayList<>();
  private volatile @Nullable Map<String, WebhookHandlers> frozen;

  /** An empty registry. */
  public EndpointHandlers() {}

  /**
   * Adds a handler found while the application starts.
   *
   * @throws IllegalStateException after {@link #freeze}
   */
  public synchronized void add(Declared handler) {
    if (frozen != null) {
      throw new IllegalStateException("the webhook handlers were already checked");
    }
    declared.add(Objects.requireNonNull(handler, "handler"));
  }

  /** Every handler added, in order. */
  public synchronized List<Declared> declared() {
    return List.copyOf(declared);
  }

  /**
   * Checks every handler against the configured endpoints and fixes the routing table.
   *
   * @param endpoints every configured endpoint by name
   * @throws WebhookConfigurationException naming the method (or the endpoint) that is wrong
   */
  public synchronized void freeze(Map<String, EndpointConfig> endpoints) {
    Map<String, WebhookHandlers.Builder> routes = new LinkedHashMap<>();
    Map<String, String> owners = new LinkedHashMap<>();
    for (Declared d : declared) {
      if (!endpoints.containsKey(d.endpoint())) {
        throw new WebhookConfigurationException(
            d.endpoint(),
            "provider",
            "is used by "
                + d.origin()
                + " but webhook.endpoints."
                + d.endpoint()
                + " is not configured");
      }
      if (endpoints.get(d.endpoint()).processing() == Processing.FORWARD) {
        throw new WebhookConfigurationException(
            d.endpoint(),
            EndpointConfig.PROCESSING,
            "forward publishes each delivery to Kafka, where consumers handle it, but "
                + d.origin()
                + " would handle it here: handle the records (KafkaWebhookEvents.event) or use"
                + " processing=deferred");
      }
      List<String> events = d.events().isEmpty() ? List.of("*") : d.events();
      WebhookHandlers.Builder b =
          routes.computeIfAbsent(d.endpoint(), e -> WebhookHandlers.builder());
      for (String event : events) {
        String pattern = normalize(event);
        String owner = owners.putIfAbsent(d.endpoint() + " " + pattern, d.origin());
        if (owner != null) {
          throw new WebhookConfigurationException(
              d.endpoint(),
              "events",
              "'"
                  + pattern
                  + "' is taken by two handlers, "
                  + owner
                  + " and "
                  + d.origin()
                  + ": one handler per event pattern and endpoint");
        }
        try {
          b.on(pattern, d.handler());
        } catch (IllegalArgumentException bad) {
          throw new WebhookConfigurationException(
              d.endpoint(), "events", d.origin() + ": " + bad.getMessage());
        }
      }
    }
    Map<String, WebhookHandlers> table = new LinkedHashMap<>();
    routes.forEach((name, b) -> table.put(name, b.build()));
    endpoints.forEach(
        (name, config) -> {
          if (config.processing().usesInbox() && !table.containsKey(name)) {
            throw new WebhookConfigurationException(
                name,
                EndpointConfig.PROCESSING,
                config.processing().code()
                    + " hands each delivery to a handler after the answer, but no handler"
                    + " (@WebhookHandler, a CDI observer) names endpoint '"
                    + name
                    + "'");
          }
        });
    frozen = Map.copyOf(table);
  }

  /** A pattern as the core reads it: {@code pull_request.*} is the prefix {@code pull_request.}. */
  private static String normalize(String event) {
    return Objects.requireNonNull(event, "event").trim();
  }

  /** Whether {@link #freeze} ran. */
  public boolean frozen() {
    return frozen != null;
  }

  /** The routes of an endpoint once frozen, if any handler names it. */
  public Optional<WebhookHandlers> routes(String endpoint) {
    Map<String, WebhookHandlers> f = frozen;
    return f == null ? Optional.empty() : Optional.ofNullable(f.get(endpoint));
  }

  /**
   * Runs a verified sync delivery in the request, as the adapters that serve an endpoint's {@code
   * path} answer it: 200 when its handler returns, or when no handler takes its event type (logged
   * at DEBUG); 500 when the handler throws (logged at WARN with the exception's class only — a
   * message may carry a secret — so that the delivery is released and the provider's retry runs it
   * again).
   *
   * @return the status to answer with
   */
  public int handleInRequest(String endpoint, WebhookEvent event) {
    WebhookHandler handler = handlerFor(endpoint);
    if (!handler.handles(event)) {
      LOG.debug(
          "webhook delivery on endpoint {} of type {} has no handler; answered as unhandled",
          endpoint,
          event.eventType().orElse("(none)"));
      return 200;
    }
    try {
      handler.handle(event);
      return 200;
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      LOG.warn(
          "webhook handler of endpoint {} failed ({}); answered 500 so the provider retries",
          endpoint,
          e.getClass().getName());
      LOG.debug("webhook handler failure", e);
      return 500;
    }
  }

  /**
   * The handler to give an endpoint's guard: routes each delivery by its event type through the
   * table {@link #freeze} fixes (before that it takes nothing and throws, so a worker retries).
   */
  public WebhookHandler handlerFor(String endpoint) {
    return new WebhookHandler() {
      @Override
      public boolean handles(WebhookEvent event) {
        return routes(endpoint).map(r -> r.handles(event)).orElse(!frozen());
      }

      @Override
      public void handle(WebhookEvent event) throws Exception {
        WebhookHandlers r = routes(endpoint).orElse(null);
        if (r == null) {
          throw new IllegalStateException(
              "the handlers of endpoint " + endpoint + " are not registered yet");
        }
        r.handle(event);
      }

      @Override
      public String toString() {
        return "handlers of " + endpoint;
      }
    };
  }
}

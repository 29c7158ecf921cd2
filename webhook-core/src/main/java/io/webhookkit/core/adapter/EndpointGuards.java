package io.webhookkit.core.adapter;

import io.webhookkit.core.ConfigSource;
import io.webhookkit.core.EndpointConfig;
import io.webhookkit.core.Processing;
import io.webhookkit.core.WebhookConfigurationException;
import io.webhookkit.core.WebhookGuard;
import io.webhookkit.core.WebhookHandler;
import io.webhookkit.core.WebhookListener;
import io.webhookkit.core.WebhookWorkers;
import io.webhookkit.core.forward.WebhookForwarder;
import io.webhookkit.core.idempotency.IdempotencyStore;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The guard of every configured endpoint of an application, by name: what every adapter builds at
 * start-up from the flat keys, the shared idempotency store, the listeners and the customizers, so
 * that each adapter keeps only its binding. Building reads and checks every endpoint, so a bad key
 * fails start-up naming the endpoint and the key. Immutable and thread-safe.
 */
public final class EndpointGuards {
  private static final String ENDPOINTS = "webhook.endpoints.";

  private final Map<String, WebhookGuard> guards;

  private EndpointGuards(Map<String, WebhookGuard> guards) {
    this.guards = Collections.unmodifiableMap(new LinkedHashMap<>(guards));
  }

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** The guard of an endpoint. */
  public Optional<WebhookGuard> guard(String endpoint) {
    return Optional.ofNullable(guards.get(endpoint));
  }

  /** Every endpoint's checked configuration by name, in configuration order. */
  public Map<String, EndpointConfig> configs() {
    Map<String, EndpointConfig> out = new LinkedHashMap<>();
    guards.forEach((name, guard) -> out.put(name, guard.config()));
    return Collections.unmodifiableMap(out);
  }

  /** Every guard by endpoint name, in configuration order. */
  public Map<String, WebhookGuard> all() {
    return guards;
  }

  /**
   * Splits full keys ({@code webhook.endpoints.<name>.<key>}) into each endpoint's own keys,
   * without the prefix; other keys are left out.
   *
   * @param fullKeys keys as a properties file or a framework's environment holds them
   * @return endpoint name → its keys, sorted by name
   */
  public static Map<String, ConfigSource> endpointsOf(Map<String, String> fullKeys) {
    Map<String, Map<String, String>> split = new TreeMap<>();
    fullKeys.forEach(
        (key, value) -> {
          int dot = key.indexOf('.', ENDPOINTS.length());
          if (key.startsWith(ENDPOINTS) && dot > ENDPOINTS.length() && dot < key.length() - 1) {
            split
                .computeIfAbsent(key.substring(ENDPOINTS.length(), dot), n -> new LinkedHashMap<>())
                .put(key.substring(dot + 1), value);
          }
        });
    Map<String, ConfigSource> out = new LinkedHashMap<>();
    split.forEach((name, keys) -> out.put(name, ConfigSource.of(keys)));
    return out;
  }

  /** Builds the guards. Not thread-safe. */
  public static final class Builder {
    private final Map<String, ConfigSource> endpoints = new LinkedHashMap<>();
    private @Nullable IdempotencyStore store;
    private final List<WebhookListener> listeners = new ArrayList<>();
    private final List<EndpointCustomizer> customizers = new ArrayList<>();
    private Function<String, @Nullable String> environment = System::getenv;
    private @Nullable WebhookWorkers workers;
    private Function<String, @Nullable WebhookHandler> handlers = name -> null;
    private Function<EndpointConfig, @Nullable WebhookForwarder> forwarders = config -> null;

    private Builder() {}

    /** One endpoint's keys (without the {@code webhook.endpoints.<name>.} prefix). */
    public Builder endpoint(String name, ConfigSource keys) {
      endpoints.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(keys, "keys"));
      return this;
    }

    /** Every endpoint's keys, by name. */
    public Builder endpoints(Map<String, ? extends ConfigSource> all) {
      all.forEach(this::endpoint);
      return this;
    }

    /** The idempotency store all endpoints share. Required. */
    public Builder idempotencyStore(IdempotencyStore store) {
      this.store = Objects.requireNonNull(store, "store");
      return this;
    }

    /** Listeners told of every attempt of every endpoint; one that throws does not stop others. */
    public Builder listeners(List<? extends WebhookListener> all) {
      listeners.addAll(all);
      return this;
    }

    /** Customizers applied, in this order, to every endpoint before it is checked. */
    public Builder customizers(List<? extends EndpointCustomizer> all) {
      customizers.addAll(all);
      return this;
    }

    /** Where {@code secrets-env} looks variables up. Default: the process environment. */
    public Builder environment(Function<String, @Nullable String> environment) {
      this.environment = Objects.requireNonNull(environment, "environment");
      return this;
    }

    /**
     * The worker pool of the endpoints whose {@code processing} is {@code deferred} or {@code
     * auto}; without it such an endpoint fails the build (the adapter runs no handler outside the
     * request).
     */
    public Builder workers(WebhookWorkers workers) {
      this.workers = Objects.requireNonNull(workers, "workers");
      return this;
    }

    /**
     * The handler of each deferred or auto endpoint, by name (e.g. {@link
     * EndpointHandlers#handlerFor}); {@code null} for an endpoint this instance only receives.
     */
    public Builder handlers(Function<String, @Nullable WebhookHandler> handlers) {
      this.handlers = Objects.requireNonNull(handlers, "handlers");
      return this;
    }

    /**
     * Makes the forwarder of each {@code processing=forward} endpoint from the framework's own
     * Kafka settings (Spring's {@code spring.kafka.*}, Micronaut's {@code kafka.*}); {@code null}
     * leaves it to the {@link io.webhookkit.core.forward.WebhookForwarderProvider} on the class
     * path, which reads the endpoint's {@code forward.kafka.*} keys only.
     */
    public Builder forwarders(Function<EndpointConfig, @Nullable WebhookForwarder> forwarders) {
      this.forwarders = Objects.requireNonNull(forwarders, "forwarders");
      return this;
    }

    /**
     * The guards.
     *
     * @throws io.webhookkit.core.WebhookConfigurationException naming the first bad endpoint and
     *     key
     */
    public EndpointGuards build() {
      IdempotencyStore shared = Objects.requireNonNull(store, "idempotencyStore(...) is required");
      WebhookListener listener = WebhookListener.all(listeners);
      Map<String, WebhookGuard> built = new LinkedHashMap<>();
      endpoints.forEach(
          (name, keys) -> {
            EndpointConfig.Builder config = EndpointConfig.builder(name, keys, environment);
            customizers.forEach(c -> c.customize(name, config));
            EndpointConfig checked = config.build();
            WebhookGuard.Builder guard =
                WebhookGuard.builder(checked).idempotencyStore(shared).listener(listener);
            if (checked.processing().usesInbox()) {
              WebhookWorkers w = workers;
              if (w == null) {
                // Without workers a deferred endpoint would acknowledge deliveries that nothing
                // here ever handles.
                throw new WebhookConfigurationException(
                    name,
                    EndpointConfig.PROCESSING,
                    checked.processing().code()
                        + " needs the adapter's worker pool, and this one runs handlers in the"
                        + " request only; use processing=sync");
              }
              guard.workers(w);
              WebhookHandler h = handlers.apply(name);
              if (h != null) {
                guard.handler(h);
              }
            }
            if (checked.processing() == Processing.FORWARD) {
              WebhookForwarder f = forwarders.apply(checked);
              if (f != null) {
                guard.forwarder(f);
              }
            }
            built.put(name, guard.build());
          });
      return new EndpointGuards(built);
    }
  }
}

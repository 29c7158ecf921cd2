package io.webhookkit.jaxrs;

import io.webhookkit.core.WebhookConfigurationException;
import io.webhookkit.core.WebhookGuard;
import io.webhookkit.core.WebhookListener;
import io.webhookkit.core.adapter.EndpointCustomizer;
import io.webhookkit.core.adapter.EndpointGuards;
import io.webhookkit.core.idempotency.IdempotencyStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;

/**
 * One guard per configured endpoint, built from the {@link WebhookSettings} (the application's
 * producer, else MicroProfile Config, else {@code webhook.properties}), sharing the idempotency
 * store bean, reporting every attempt to every {@link WebhookListener} bean and applying every
 * {@link EndpointCustomizer} bean (the core's {@link EndpointGuards}). Built when the application
 * starts (the {@link WebhookExtension} fails the deployment on a bad key or an unconfigured
 * {@code @WebhookEndpoint}). Thread-safe.
 */
@ApplicationScoped
public class WebhookGuards {
  private Map<String, WebhookGuard> guards = Map.of();

  /** For the CDI proxy. */
  protected WebhookGuards() {}

  @Inject
  WebhookGuards(
      Instance<WebhookSettings> settings,
      IdempotencyStore store,
      Instance<WebhookListener> listeners,
      Instance<EndpointCustomizer> customizers) {
    this.guards =
        EndpointGuards.builder()
            .endpoints(WebhookSettingsSource.resolve(settings).endpoints())
            .idempotencyStore(store)
            .listeners(listeners.stream().toList())
            .customizers(customizers.stream().toList())
            .build()
            .all();
  }

  /** Builds the guards when the application starts, and checks every name that is used. */
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

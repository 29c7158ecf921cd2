package io.webhookkit.core.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.webhookkit.core.ConfigSource;
import io.webhookkit.core.WebhookConfigurationException;
import io.webhookkit.core.WebhookWorkers;
import io.webhookkit.core.idempotency.InMemoryIdempotencyStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The glue every adapter shares: full keys split per endpoint, customizers, one shared store. */
class EndpointGuardsTest {
  private static final Map<String, String> FULL_KEYS =
      Map.of(
          "webhook.endpoints.github.provider", "github",
          "webhook.endpoints.github.secrets", "gh-secret",
          "webhook.endpoints.stripe.provider", "stripe",
          "webhook.endpoints.stripe.secrets", "whsec_x",
          "webhook.endpoints.stripe.idempotency.lease", "30s",
          "webhook.idempotency.store", "memory",
          "webhook.endpoints.", "ignored",
          "webhook.endpoints.bare", "ignored");

  @Test
  void fullKeysAreSplitPerEndpointWithoutThePrefix() {
    Map<String, ConfigSource> endpoints = EndpointGuards.endpointsOf(FULL_KEYS);

    assertThat(endpoints).containsOnlyKeys("github", "stripe");
    assertThat(endpoints.get("stripe").keys())
        .containsExactlyInAnyOrder("provider", "secrets", "idempotency.lease");
    assertThat(endpoints.get("stripe").get("idempotency.lease")).isEqualTo("30s");
  }

  @Test
  void everyEndpointGetsTheCustomizersInOrderAndTheSharedStore() {
    EndpointGuards guards =
        EndpointGuards.builder()
            .endpoints(EndpointGuards.endpointsOf(FULL_KEYS))
            .idempotencyStore(InMemoryIdempotencyStore.create())
            .customizers(
                List.of(
                    (name, b) -> b.tolerance(Duration.ofMinutes(1)),
                    (name, b) -> b.tolerance(Duration.ofMinutes(2))))
            .build();

    assertThat(guards.all()).containsOnlyKeys("github", "stripe");
    assertThat(guards.guard("github").orElseThrow().config().tolerance()).hasMinutes(2);
    assertThat(guards.guard("stripe").orElseThrow().config().idempotencyLease()).hasSeconds(30);
    assertThat(guards.guard("nowhere")).isEmpty();
  }

  @Test
  void aDeferredEndpointIsRefusedByAnAdapterWithoutWorkers() {
    Map<String, String> deferred = new java.util.HashMap<>(FULL_KEYS);
    deferred.put("webhook.endpoints.stripe.processing", "deferred");

    assertThatThrownBy(
            () ->
                EndpointGuards.builder()
                    .endpoints(EndpointGuards.endpointsOf(deferred))
                    .idempotencyStore(InMemoryIdempotencyStore.create())
                    .build())
        .hasMessageContaining("endpoint 'stripe'")
        .hasMessageContaining("key 'processing'")
        .hasMessageContaining("runs handlers in the request only");
  }

  private static EndpointGuards deferredGuards(EndpointHandlers handlers) {
    Map<String, String> deferred = new java.util.HashMap<>(FULL_KEYS);
    deferred.put("webhook.endpoints.stripe.processing", "deferred");
    InMemoryIdempotencyStore store = InMemoryIdempotencyStore.create();
    return EndpointGuards.builder()
        .endpoints(EndpointGuards.endpointsOf(deferred))
        .idempotencyStore(store)
        .workers(WebhookWorkers.builder(store).build())
        .handlers(handlers::handlerFor)
        .build();
  }

  @Test
  void declaredHandlersAreCheckedOnceAllAreKnownNamingTheMethod() {
    EndpointHandlers unconfigured = new EndpointHandlers();
    unconfigured.add(new EndpointHandlers.Declared("gitlab", List.of(), e -> {}, "Hooks.onGitLab"));
    assertThatThrownBy(() -> unconfigured.freeze(deferredGuards(unconfigured).configs()))
        .hasMessageContaining("endpoint 'gitlab'")
        .hasMessageContaining("Hooks.onGitLab")
        .hasMessageContaining("webhook.endpoints.gitlab is not configured");

    EndpointHandlers twice = new EndpointHandlers();
    twice.add(new EndpointHandlers.Declared("stripe", List.of("invoice.*"), e -> {}, "A.one"));
    twice.add(new EndpointHandlers.Declared("stripe", List.of("invoice.*", "x"), e -> {}, "B.two"));
    assertThatThrownBy(() -> twice.freeze(deferredGuards(twice).configs()))
        .hasMessageContaining("'invoice.*' is taken by two handlers, A.one and B.two");

    EndpointHandlers badPattern = new EndpointHandlers();
    badPattern.add(new EndpointHandlers.Declared("stripe", List.of("in*voice"), e -> {}, "C.bad"));
    assertThatThrownBy(() -> badPattern.freeze(deferredGuards(badPattern).configs()))
        .hasMessageContaining("C.bad");

    EndpointHandlers none = new EndpointHandlers();
    none.add(new EndpointHandlers.Declared("github", List.of(), e -> {}, "D.sync"));
    assertThatThrownBy(() -> none.freeze(deferredGuards(none).configs()))
        .hasMessageContaining("endpoint 'stripe'")
        .hasMessageContaining("key 'processing'")
        .hasMessageContaining("names endpoint 'stripe'");
  }

  @Test
  void aForwardEndpointTakesTheAdaptersForwarderNeedsNoWorkersAndRefusesAHandler() {
    Map<String, String> forward = new java.util.HashMap<>(FULL_KEYS);
    forward.put("webhook.endpoints.stripe.processing", "forward");
    List<String> asked = new java.util.ArrayList<>();
    EndpointGuards guards =
        EndpointGuards.builder()
            .endpoints(EndpointGuards.endpointsOf(forward))
            .idempotencyStore(InMemoryIdempotencyStore.create())
            .forwarders(
                config -> {
                  asked.add(config.name());
                  return (topic, record) ->
                      java.util.concurrent.CompletableFuture.completedFuture(null);
                })
            .build();
    assertThat(asked).as("asked for forward endpoints only").containsExactly("stripe");
    assertThat(guards.guard("stripe").orElseThrow().config().forwardTopic())
        .isEqualTo("webhooks.stripe");

    EndpointHandlers handlers = new EndpointHandlers();
    handlers.add(new EndpointHandlers.Declared("stripe", List.of(), e -> {}, "Hooks.onStripe"));
    assertThatThrownBy(() -> handlers.freeze(guards.configs()))
        .hasMessageContaining("endpoint 'stripe'")
        .hasMessageContaining("key 'processing'")
        .hasMessageContaining("Hooks.onStripe")
        .hasMessageContaining("KafkaWebhookEvents");
  }

  @Test
  void aFrozenRegistryRoutesEachEndpointsDeliveriesByType() throws Exception {
    EndpointHandlers handlers = new EndpointHandlers();
    List<String> seen = new java.util.ArrayList<>();
    handlers.add(
        new EndpointHandlers.Declared(
            "stripe", List.of("invoice.*"), e -> seen.add("invoice"), "A.invoices"));
    handlers.add(
        new EndpointHandlers.Declared(
            "stripe", List.of("invoice.paid"), e -> seen.add("paid"), "A.paid"));
    EndpointGuards guards = deferredGuards(handlers);
    io.webhookkit.core.WebhookHandler router = handlers.handlerFor("stripe");
    assertThatThrownBy(() -> router.handle(null)).hasMessageContaining("not registered yet");

    handlers.freeze(guards.configs());

    assertThat(handlers.routes("stripe").orElseThrow().route("invoice.paid")).isNotNull();
    handlers.routes("stripe").orElseThrow().route("invoice.paid").handle(null);
    handlers.routes("stripe").orElseThrow().route("invoice.created").handle(null);
    assertThat(seen).containsExactly("paid", "invoice");
    assertThat(handlers.routes("stripe").orElseThrow().route("charge.refunded")).isNull();
    assertThatThrownBy(
            () -> handlers.add(new EndpointHandlers.Declared("stripe", List.of(), e -> {}, "late")))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aBadKeyFailsTheWholeBuildNamingTheEndpointAndTheKey() {
    Map<String, String> misspelt = new java.util.HashMap<>(FULL_KEYS);
    misspelt.put("webhook.endpoints.stripe.tolerence", "1m");

    assertThatThrownBy(
            () ->
                EndpointGuards.builder()
                    .endpoints(EndpointGuards.endpointsOf(misspelt))
                    .idempotencyStore(InMemoryIdempotencyStore.create())
                    .build())
        .isInstanceOf(WebhookConfigurationException.class)
        .hasMessageContaining("'stripe'")
        .hasMessageContaining("'tolerence'");
  }
}

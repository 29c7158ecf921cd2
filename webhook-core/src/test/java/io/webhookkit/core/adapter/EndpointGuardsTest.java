package io.webhookkit.core.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.webhookkit.core.ConfigSource;
import io.webhookkit.core.WebhookConfigurationException;
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
  void aDeferredEndpointIsRefusedUntilTheAdapterRunsHandlersOutsideTheRequest() {
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
        .hasMessageContaining("not supported by this adapter yet");
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

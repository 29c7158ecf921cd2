/**
 * webhook-kit core: verify and deduplicate incoming webhooks in any Java service.
 *
 * @uses io.webhookkit.core.provider.Provider
 * @uses io.webhookkit.core.idempotency.IdempotencyStoreProvider
 */
module io.webhookkit.core {
  requires com.fasterxml.jackson.core;
  requires com.github.benmanes.caffeine;
  requires io.github.bucket4j.core;
  requires org.slf4j;
  requires static micrometer.core;
  requires static transitive org.jspecify;

  exports io.webhookkit.core;
  exports io.webhookkit.core.idempotency;
  exports io.webhookkit.core.metrics;
  exports io.webhookkit.core.provider;
  exports io.webhookkit.core.signature;

  uses io.webhookkit.core.provider.Provider;
  uses io.webhookkit.core.idempotency.IdempotencyStoreProvider;

  provides io.webhookkit.core.idempotency.IdempotencyStoreProvider with
      io.webhookkit.core.idempotency.InMemoryIdempotencyStoreProvider;
  provides io.webhookkit.core.provider.Provider with
      io.webhookkit.core.provider.GitHubProvider,
      io.webhookkit.core.provider.StripeProvider,
      io.webhookkit.core.provider.SlackProvider,
      io.webhookkit.core.provider.StandardWebhooksProvider,
      io.webhookkit.core.provider.SvixProvider,
      io.webhookkit.core.provider.ShopifyProvider,
      io.webhookkit.core.provider.GenericHmacProvider;
}

package io.webhookkit.core.idempotency;

/**
 * Makes an {@link IdempotencyStore} by name ({@code webhook.idempotency.store=memory|jdbc|redis}),
 * so that adapters select a store by configuration without depending on its module. Registered
 * through {@link java.util.ServiceLoader}; stateless.
 */
public interface IdempotencyStoreProvider {

  /** The store's name, e.g. {@code jdbc}. */
  String name();

  /**
   * Makes the store.
   *
   * @throws io.webhookkit.core.WebhookConfigurationException naming the key that is missing or
   *     wrong
   */
  IdempotencyStore create(StoreSettings settings);
}

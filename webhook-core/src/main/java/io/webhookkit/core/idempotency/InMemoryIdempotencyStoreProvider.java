package io.webhookkit.core.idempotency;

/**
 * {@code webhook.idempotency.store=memory}: an {@link InMemoryIdempotencyStore}; key {@code
 * memory.maximum-size}.
 */
public final class InMemoryIdempotencyStoreProvider implements IdempotencyStoreProvider {
  /** Called by {@link java.util.ServiceLoader}. */
  public InMemoryIdempotencyStoreProvider() {}

  @Override
  public String name() {
    return "memory";
  }

  @Override
  public IdempotencyStore create(StoreSettings settings) {
    String size = settings.get("memory.maximum-size");
    long max = InMemoryIdempotencyStore.DEFAULT_MAXIMUM_SIZE;
    if (size != null) {
      try {
        max = Long.parseLong(size);
      } catch (NumberFormatException e) {
        max = -1;
      }
      if (max <= 0 || max > InMemoryIdempotencyStore.MAXIMUM_MAXIMUM_SIZE) {
        throw settings.invalid(
            "memory.maximum-size", "'" + size + "' is not a number between 1 and 1073741824");
      }
    }
    return InMemoryIdempotencyStore.create(settings.clock(), max);
  }
}

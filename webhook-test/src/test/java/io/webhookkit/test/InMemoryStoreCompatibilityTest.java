package io.webhookkit.test;

import io.webhookkit.core.idempotency.IdempotencyStore;
import io.webhookkit.core.idempotency.InMemoryIdempotencyStore;
import java.time.Clock;

/** The in-memory store passes the same store compatibility kit as the shared stores. */
class InMemoryStoreCompatibilityTest extends IdempotencyStoreCompatibilityKit {
  @Override
  protected IdempotencyStore createStore(Clock clock) {
    return InMemoryIdempotencyStore.create(clock, 10_000);
  }
}

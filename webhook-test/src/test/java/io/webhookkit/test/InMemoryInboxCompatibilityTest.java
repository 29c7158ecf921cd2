package io.webhookkit.test;

import io.webhookkit.core.idempotency.InMemoryIdempotencyStore;
import io.webhookkit.core.inbox.DeliveryInbox;
import java.time.Clock;

/** The in-memory inbox passes the same inbox compatibility kit as the durable ones. */
class InMemoryInboxCompatibilityTest extends InboxCompatibilityKit {
  @Override
  protected DeliveryInbox createInbox(Clock clock) {
    return InMemoryIdempotencyStore.create(clock, 10_000);
  }
}

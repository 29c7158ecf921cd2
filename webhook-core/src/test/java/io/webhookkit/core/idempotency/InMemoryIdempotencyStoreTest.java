package io.webhookkit.core.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import io.webhookkit.core.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * What only the in-memory store promises. Everything every store promises (atomic claims, leases,
 * owner tokens, retention) is the store compatibility kit's, which the in-memory store passes in
 * webhook-test ({@code InMemoryStoreCompatibilityTest}).
 */
class InMemoryIdempotencyStoreTest {
  @Test
  void sizeIsBounded() {
    InMemoryIdempotencyStore small =
        InMemoryIdempotencyStore.create(
            new MutableClock(Instant.parse("2026-11-26T12:00:00Z")), 10);
    for (int i = 0; i < 100; i++) {
      small.acquire("k" + i, "fp", Duration.ofSeconds(60));
    }
    assertThat(small.size()).isLessThanOrEqualTo(10);
  }
}

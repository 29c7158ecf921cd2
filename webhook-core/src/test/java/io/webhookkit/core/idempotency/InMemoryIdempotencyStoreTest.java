package io.webhookkit.core.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.webhookkit.core.MutableClock;
import io.webhookkit.core.WebhookConfigurationException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
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

  @Test
  void theOldestClaimsAreEvictedFirstAndTheNewestKept() {
    MutableClock clock = new MutableClock(Instant.parse("2026-11-26T12:00:00Z"));
    InMemoryIdempotencyStore store = InMemoryIdempotencyStore.create(clock, 3);
    for (String k : new String[] {"a", "b", "c", "d"}) {
      assertThat(store.acquire(k, "fp", Duration.ofSeconds(60)))
          .isInstanceOf(Acquisition.Acquired.class);
    }
    assertThat(store.size()).isEqualTo(3);
    // "a" was first in: gone, so it can be claimed again; "b", "c", "d" are still held
    assertThat(store.acquire("a", "fp", Duration.ofSeconds(60)))
        .isInstanceOf(Acquisition.Acquired.class);
    assertThat(store.acquire("d", "fp", Duration.ofSeconds(60)))
        .isInstanceOf(Acquisition.InProgress.class);
    assertThat(store.size()).isEqualTo(3);
  }

  /**
   * The owner completes in place by one compare-and-set while another attempt, whose clock already
   * shows the lease over, takes the claim over: however they interleave, exactly one of them wins,
   * and a completion that won is what the other is answered. The clock gives the owner's thread a
   * time within the lease and the taker's a time after it, so both pass their own checks.
   */
  @Test
  void aCompletionRacingATakeOverIsDecidedOnce() throws Exception {
    long start = Instant.parse("2026-11-26T12:00:00Z").toEpochMilli();
    ThreadLocal<Long> now = ThreadLocal.withInitial(() -> start);
    java.time.Clock clock =
        new java.time.Clock() {
          @Override
          public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
          }

          @Override
          public java.time.Clock withZone(java.time.ZoneId zone) {
            throw new UnsupportedOperationException();
          }

          @Override
          public Instant instant() {
            return Instant.ofEpochMilli(now.get());
          }
        };
    InMemoryIdempotencyStore store = InMemoryIdempotencyStore.create(clock, 100_000);
    int completedWins = 0;
    int takeOverWins = 0;
    java.util.concurrent.ExecutorService taker =
        java.util.concurrent.Executors.newSingleThreadExecutor();
    try {
      taker.submit(() -> now.set(start + 2_000)).get(); // the taker's thread: after the lease
      for (int i = 0; i < 20_000; i++) {
        String key = "k" + i;
        Acquisition.Acquired held =
            (Acquisition.Acquired) store.acquire(key, "fp", Duration.ofSeconds(1));
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.Future<Acquisition> taken =
            taker.submit(
                () -> {
                  go.await();
                  return store.acquire(key, "fp", Duration.ofSeconds(60));
                });
        go.countDown();
        boolean completed = store.complete(key, held.ownerToken(), 204, Duration.ofDays(1));
        Acquisition other = taken.get();
        if (completed) {
          completedWins++;
          assertThat(other).as(key).isEqualTo(new Acquisition.Completed(204));
        } else {
          takeOverWins++;
          assertThat(other).as(key).isInstanceOf(Acquisition.Acquired.class);
          assertThat(store.release(key, held.ownerToken())).as(key).isFalse();
        }
      }
    } finally {
      taker.shutdownNow();
    }
    assertThat(completedWins + takeOverWins).isEqualTo(20_000);
  }

  @Test
  void aStatusOutsideWhatAnEntryHoldsIsRefused() {
    InMemoryIdempotencyStore store =
        InMemoryIdempotencyStore.create(
            new MutableClock(Instant.parse("2026-11-26T12:00:00Z")), 10);
    Acquisition.Acquired held =
        (Acquisition.Acquired) store.acquire("a", "fp", Duration.ofSeconds(60));
    assertThatThrownBy(() -> store.complete("a", held.ownerToken(), 70_000, Duration.ofDays(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(store.complete("a", held.ownerToken(), 599, Duration.ofDays(1))).isTrue();
    assertThat(store.completedStatus("a", "fp")).hasValue(599);
  }

  @Test
  void aKeyClaimedAgainAfterItsLeaseIsNotEvictedByItsOldPlace() {
    MutableClock clock = new MutableClock(Instant.parse("2026-11-26T12:00:00Z"));
    InMemoryIdempotencyStore store = InMemoryIdempotencyStore.create(clock, 2);
    Acquisition.Acquired first =
        (Acquisition.Acquired) store.acquire("a", "fp", Duration.ofSeconds(1));
    clock.advance(Duration.ofSeconds(2)); // the lease ended: the next attempt takes over
    Acquisition.Acquired again =
        (Acquisition.Acquired) store.acquire("a", "fp", Duration.ofSeconds(60));
    assertThat(again.ownerToken()).isNotEqualTo(first.ownerToken());
    // "b" takes the place "a" first had; "a" holds its newer place and stays
    store.acquire("b", "fp", Duration.ofSeconds(60));
    assertThat(store.acquire("a", "fp", Duration.ofSeconds(60)))
        .isInstanceOf(Acquisition.InProgress.class);
    assertThat(store.complete("a", first.ownerToken(), 200, Duration.ofDays(1))).isFalse();
    assertThat(store.complete("a", again.ownerToken(), 200, Duration.ofDays(1))).isTrue();
    assertThat(store.acquire("a", "fp", Duration.ofSeconds(60)))
        .isEqualTo(new Acquisition.Completed(200));
  }

  @Test
  void theBoundIsChecked() {
    MutableClock clock = new MutableClock(Instant.parse("2026-11-26T12:00:00Z"));
    assertThatThrownBy(() -> InMemoryIdempotencyStore.create(clock, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> InMemoryIdempotencyStore.create(clock, (1L << 30) + 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theConfiguredSizeOutsideTheBoundFailsStartUpNamingTheKey() {
    MutableClock clock = new MutableClock(Instant.parse("2026-11-26T12:00:00Z"));
    InMemoryIdempotencyStoreProvider provider = new InMemoryIdempotencyStoreProvider();
    for (String size : new String[] {"0", "1073741825", "lots"}) {
      Map<String, String> keys = Map.of("webhook.idempotency.memory.maximum-size", size);
      assertThatThrownBy(() -> provider.create(new StoreSettings(keys::get, c -> null, clock)))
          .isInstanceOf(WebhookConfigurationException.class)
          .hasMessageContaining("memory.maximum-size");
    }
    Map<String, String> max = Map.of("webhook.idempotency.memory.maximum-size", "1073741824");
    assertThat(provider.create(new StoreSettings(max::get, c -> null, clock)))
        .isInstanceOf(InMemoryIdempotencyStore.class);
  }
}

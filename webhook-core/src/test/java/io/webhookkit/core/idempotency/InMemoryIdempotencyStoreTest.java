package io.webhookkit.core.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import io.webhookkit.core.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The in-memory store: atomic claims, leases, owner tokens, retention, bounded size. */
class InMemoryIdempotencyStoreTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T12:00:00Z"));
  private final InMemoryIdempotencyStore store = InMemoryIdempotencyStore.create(clock, 10_000);
  private static final Duration LEASE = Duration.ofSeconds(60);

  @Test
  void exactlyOneOfThirtyTwoConcurrentAcquirersWins() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(32);
    CountDownLatch go = new CountDownLatch(1);
    try {
      List<Future<Acquisition>> results = new ArrayList<>();
      for (int i = 0; i < 32; i++) {
        results.add(
            pool.submit(
                () -> {
                  go.await();
                  return store.acquire("k", "fp", LEASE);
                }));
      }
      go.countDown();
      int winners = 0;
      for (Future<Acquisition> f : results) {
        if (f.get() instanceof Acquisition.Acquired) {
          winners++;
        } else {
          assertThat(f.get()).isInstanceOf(Acquisition.InProgress.class);
        }
      }
      assertThat(winners).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void completeThenReplayTheStoredStatus() {
    String token = ((Acquisition.Acquired) store.acquire("k", "fp", LEASE)).ownerToken();
    assertThat(store.complete("k", token, 204, Duration.ofDays(1))).isTrue();
    assertThat(store.acquire("k", "fp", LEASE)).isEqualTo(new Acquisition.Completed(204));
    assertThat(store.acquire("k", "other", LEASE))
        .isInstanceOf(Acquisition.FingerprintMismatch.class);
  }

  @Test
  void releaseLetsTheNextAttemptAcquire() {
    String token = ((Acquisition.Acquired) store.acquire("k", "fp", LEASE)).ownerToken();
    assertThat(store.release("k", token)).isTrue();
    assertThat(store.acquire("k", "fp", LEASE)).isInstanceOf(Acquisition.Acquired.class);
  }

  @Test
  void anExpiredLeaseIsTakenOverAndTheOldTokenIsPowerless() {
    String old = ((Acquisition.Acquired) store.acquire("k", "fp", LEASE)).ownerToken();
    assertThat(store.acquire("k", "fp", LEASE)).isEqualTo(new Acquisition.InProgress(LEASE));
    clock.advance(LEASE);
    String fresh = ((Acquisition.Acquired) store.acquire("k", "fp", LEASE)).ownerToken();

    assertThat(store.complete("k", old, 200, Duration.ofDays(1))).isFalse();
    assertThat(store.release("k", old)).isFalse();
    assertThat(store.complete("k", fresh, 200, Duration.ofDays(1))).isTrue();
  }

  @Test
  void retentionExpiryForgetsACompletedDelivery() {
    String token = ((Acquisition.Acquired) store.acquire("k", "fp", LEASE)).ownerToken();
    store.complete("k", token, 200, Duration.ofHours(1));
    clock.advance(Duration.ofHours(1));
    assertThat(store.acquire("k", "fp", LEASE)).isInstanceOf(Acquisition.Acquired.class);
  }

  @Test
  void sizeIsBounded() {
    InMemoryIdempotencyStore small = InMemoryIdempotencyStore.create(clock, 10);
    for (int i = 0; i < 100; i++) {
      small.acquire("k" + i, "fp", LEASE);
    }
    assertThat(small.size()).isLessThanOrEqualTo(10);
  }
}

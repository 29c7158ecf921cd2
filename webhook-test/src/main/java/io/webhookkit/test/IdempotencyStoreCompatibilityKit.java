package io.webhookkit.test;

import static org.assertj.core.api.Assertions.assertThat;

import io.webhookkit.core.idempotency.Acquisition;
import io.webhookkit.core.idempotency.IdempotencyStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The store compatibility kit: what every {@link IdempotencyStore} must do, the in-memory one
 * included. Extend it, return a store from {@link #createStore} that takes its time from the given
 * clock, and the kit moves that clock to expire leases and retention without waiting. Stores on a
 * server also extend {@link RemoteIdempotencyStoreCompatibilityKit}.
 */
public abstract class IdempotencyStoreCompatibilityKit {
  /** The lease the kit acquires with. */
  protected static final Duration LEASE = Duration.ofSeconds(60);

  /** The retention the kit completes with. */
  protected static final Duration RETENTION = Duration.ofHours(1);

  /** The clock the store under test must use for leases and retention. */
  protected final SettableClock clock = new SettableClock(Instant.parse("2026-11-26T12:00:00Z"));

  /** The store under test. */
  protected IdempotencyStore store;

  /** A store that reads time from this clock (fresh or shared; keys never repeat across tests). */
  protected abstract IdempotencyStore createStore(Clock clock) throws Exception;

  @BeforeEach
  void createStoreForTest() throws Exception {
    store = createStore(clock);
  }

  /** A key no other test uses. */
  protected static String key() {
    return "kit:" + UUID.randomUUID();
  }

  private String acquired(String key, String fingerprint) {
    Acquisition a = store.acquire(key, fingerprint, LEASE);
    assertThat(a).isInstanceOf(Acquisition.Acquired.class);
    return ((Acquisition.Acquired) a).ownerToken();
  }

  @Test
  void exactlyOneOf32ConcurrentAcquirersWins() throws Exception {
    String key = key();
    ExecutorService pool = Executors.newFixedThreadPool(32);
    CountDownLatch ready = new CountDownLatch(32);
    CountDownLatch go = new CountDownLatch(1);
    try {
      List<Future<Acquisition>> results = new ArrayList<>();
      for (int i = 0; i < 32; i++) {
        results.add(
            pool.submit(
                () -> {
                  ready.countDown();
                  go.await();
                  return store.acquire(key, "fp", LEASE);
                }));
      }
      ready.await();
      go.countDown();
      int winners = 0;
      for (Future<Acquisition> f : results) {
        Acquisition a = f.get();
        if (a instanceof Acquisition.Acquired) {
          winners++;
        } else {
          assertThat(a).isInstanceOf(Acquisition.InProgress.class);
        }
      }
      assertThat(winners).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void anInProgressDeliveryReportsTheRestOfItsLease() {
    String key = key();
    acquired(key, "fp");
    clock.advance(Duration.ofSeconds(20));

    Acquisition again = store.acquire(key, "fp", LEASE);

    assertThat(again).isInstanceOf(Acquisition.InProgress.class);
    assertThat(((Acquisition.InProgress) again).retryAfter())
        .isBetween(Duration.ofSeconds(39), Duration.ofSeconds(40));
  }

  @Test
  void anExpiredLeaseIsTakenOverWithANewToken() {
    String key = key();
    String first = acquired(key, "fp");
    clock.advance(LEASE);

    String second = acquired(key, "fp");

    assertThat(second).isNotEqualTo(first);
  }

  @Test
  void aCompletedDeliveryReplaysItsStatus() {
    String key = key();
    String token = acquired(key, "fp");

    assertThat(store.complete(key, token, 202, RETENTION)).isTrue();

    assertThat(store.acquire(key, "fp", LEASE)).isEqualTo(new Acquisition.Completed(202));
    clock.advance(LEASE.multipliedBy(2));
    assertThat(store.acquire(key, "fp", LEASE)).isEqualTo(new Acquisition.Completed(202));
  }

  @Test
  void aReleasedDeliveryCanBeAcquiredAgain() {
    String key = key();
    String token = acquired(key, "fp");

    assertThat(store.release(key, token)).isTrue();

    acquired(key, "fp");
  }

  @Test
  void aDifferentBodyUnderTheSameKeyIsAMismatchInProgressAndCompleted() {
    String key = key();
    String token = acquired(key, "fp");
    assertThat(store.acquire(key, "other", LEASE))
        .isInstanceOf(Acquisition.FingerprintMismatch.class);
    store.complete(key, token, 200, RETENTION);
    assertThat(store.acquire(key, "other", LEASE))
        .isInstanceOf(Acquisition.FingerprintMismatch.class);
  }

  @Test
  void retentionExpiryForgetsACompletedDelivery() {
    String key = key();
    store.complete(key, acquired(key, "fp"), 200, RETENTION);
    clock.advance(RETENTION);

    acquired(key, "fp");
  }

  @Test
  void aStaleHolderCanNeitherCompleteNorReleaseTheNewHolders() {
    String key = key();
    String stale = acquired(key, "fp");
    clock.advance(LEASE);
    String current = acquired(key, "fp");

    assertThat(store.complete(key, stale, 200, RETENTION)).isFalse();
    assertThat(store.release(key, stale)).isFalse();
    assertThat(store.acquire(key, "fp", LEASE)).isInstanceOf(Acquisition.InProgress.class);
    assertThat(store.complete(key, current, 201, RETENTION)).isTrue();
    assertThat(store.acquire(key, "fp", LEASE)).isEqualTo(new Acquisition.Completed(201));
  }

  @Test
  void aHolderWhoseLeaseExpiredCannotCompleteEvenIfNobodyTookOver() {
    String key = key();
    String token = acquired(key, "fp");
    clock.advance(LEASE);

    assertThat(store.complete(key, token, 200, RETENTION)).isFalse();
  }

  @Test
  void aCompletedDeliveryCannotBeReleasedOrCompletedAgain() {
    String key = key();
    String token = acquired(key, "fp");
    store.complete(key, token, 200, RETENTION);

    assertThat(store.release(key, token)).isFalse();
    assertThat(store.complete(key, token, 500, RETENTION)).isFalse();
    assertThat(store.acquire(key, "fp", LEASE)).isEqualTo(new Acquisition.Completed(200));
  }

  @Test
  void longKeysFromTheDesignsLimitsAreStored() {
    String unique = UUID.randomUUID().toString();
    String key = "e".repeat(64) + ":" + unique + "i".repeat(256 - unique.length());
    store.complete(key, acquired(key, "f".repeat(64)), 200, RETENTION);
    assertThat(store.acquire(key, "f".repeat(64), LEASE)).isEqualTo(new Acquisition.Completed(200));
  }
}

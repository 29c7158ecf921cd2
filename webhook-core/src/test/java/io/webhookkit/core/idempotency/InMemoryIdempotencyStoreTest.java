package io.webhookkit.core.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.webhookkit.core.MutableClock;
import io.webhookkit.core.WebhookConfigurationException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Random;
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

  /**
   * The store against a plain model of what it promises (a map of claims and their places in claim
   * order), over random claims, completions, releases and expiries on few keys, so that places are
   * evicted, taken over and released in every order and the table's probe chains wrap and shift.
   * The owner tokens used are the ones the store handed out, current and stale, and some it never
   * wrote.
   */
  @Test
  void agreesWithAModelOverRandomOperations() {
    for (long seed = 1; seed <= 20; seed++) {
      Random random = new Random(seed);
      int capacity = 1 + random.nextInt(12);
      MutableClock clock = new MutableClock(Instant.parse("2026-11-26T12:00:00Z"));
      InMemoryIdempotencyStore store = InMemoryIdempotencyStore.create(clock, capacity);
      Model model = new Model(capacity);
      List<String> tokens = new ArrayList<>(List.of("", "0", "00", "A", "zz", "1".repeat(17)));
      for (int op = 0; op < 20_000; op++) {
        String key = "k" + random.nextInt(3 * capacity + 2);
        String fp = "fp" + random.nextInt(2);
        String at = "seed " + seed + ", op " + op + ", " + key;
        switch (random.nextInt(6)) {
          case 0, 1 -> {
            Duration lease = Duration.ofMillis(1 + random.nextInt(50));
            Acquisition got = store.acquire(key, fp, lease);
            Acquisition expected = model.acquire(key, fp, lease, clock.millis(), got);
            assertThat(got).as(at).isEqualTo(expected);
            if (got instanceof Acquisition.Acquired a) {
              tokens.add(a.ownerToken());
            }
          }
          case 2 -> {
            String token = tokens.get(random.nextInt(tokens.size()));
            int status = 200 + random.nextInt(3);
            Duration retention = Duration.ofMillis(1 + random.nextInt(80));
            assertThat(store.complete(key, token, status, retention))
                .as(at)
                .isEqualTo(model.complete(key, token, status, retention, clock.millis()));
          }
          case 3 -> {
            String token = tokens.get(random.nextInt(tokens.size()));
            assertThat(store.release(key, token)).as(at).isEqualTo(model.release(key, token));
          }
          case 4 ->
              assertThat(store.completedStatus(key, fp))
                  .as(at)
                  .isEqualTo(model.completedStatus(key, fp, clock.millis()));
          default -> clock.advance(Duration.ofMillis(random.nextInt(10)));
        }
        assertThat(store.size()).as(at).isEqualTo(model.claims.size());
      }
    }
  }

  /** What the store promises, written plainly: claims by key, and the key at each place. */
  private static final class Model {
    record Claim(String fp, long expiresAt, boolean completed, int status, String token, long at) {}

    final int capacity;
    final Map<String, Claim> claims = new HashMap<>();
    final Map<Long, String> places = new HashMap<>();
    long next;

    Model(int capacity) {
      this.capacity = capacity;
    }

    Acquisition acquire(String key, String fp, Duration lease, long now, Acquisition got) {
      Claim c = claims.get(key);
      if (c != null && c.expiresAt() > now) {
        if (!c.fp().equals(fp)) {
          return new Acquisition.FingerprintMismatch();
        }
        return c.completed()
            ? new Acquisition.Completed(c.status())
            : new Acquisition.InProgress(Duration.ofMillis(c.expiresAt() - now));
      }
      long place = next++;
      String evicted = places.remove(place - capacity);
      Claim old = evicted == null ? null : claims.get(evicted);
      if (old != null && old.at() == place - capacity) { // not claimed again since, nor released
        claims.remove(evicted);
      }
      // the token is the store's to choose: take the one it answered, if it answered a claim
      String token = got instanceof Acquisition.Acquired a ? a.ownerToken() : "?";
      claims.put(key, new Claim(fp, now + lease.toMillis(), false, 0, token, place));
      places.put(place, key);
      return new Acquisition.Acquired(token);
    }

    boolean complete(String key, String token, int status, Duration retention, long now) {
      Claim c = claims.get(key);
      if (c == null || !c.token().equals(token) || c.completed() || c.expiresAt() <= now) {
        return false;
      }
      claims.put(key, new Claim(c.fp(), now + retention.toMillis(), true, status, token, c.at()));
      return true;
    }

    boolean release(String key, String token) {
      Claim c = claims.get(key);
      if (c == null || !c.token().equals(token) || c.completed()) {
        return false;
      }
      claims.remove(key);
      return true;
    }

    OptionalInt completedStatus(String key, String fp, long now) {
      Claim c = claims.get(key);
      return c != null && c.completed() && c.expiresAt() > now && c.fp().equals(fp)
          ? OptionalInt.of(c.status())
          : OptionalInt.empty();
    }
  }

  /**
   * A store of {@value InMemoryIdempotencyStore#SEGMENTED_FROM} or more is split in segments by the
   * key's hash, each growing its arrays as it fills and evicting its own oldest: every claim is
   * found after the arrays grew, the owner tokens are unique across segments, and once every
   * segment is full they hold exactly the bound and keep the newest claims.
   */
  @Test
  void aSegmentedStoreGrowsHoldsItsBoundAndKeepsTheNewest() {
    MutableClock clock = new MutableClock(Instant.parse("2026-11-26T12:00:00Z"));
    int bound = 100_003; // not a multiple of the segments
    InMemoryIdempotencyStore store = InMemoryIdempotencyStore.create(clock, bound);
    int first = 40_000; // about 2,500 per segment: more than it starts with, less than it holds
    List<String> tokens = new ArrayList<>();
    for (int i = 0; i < first; i++) {
      Acquisition a = store.acquire("k" + i, "fp", Duration.ofSeconds(60));
      tokens.add(((Acquisition.Acquired) a).ownerToken());
    }
    assertThat(store.size()).isEqualTo(first);
    assertThat(new HashSet<>(tokens)).hasSize(first);
    for (int i = 0; i < first; i++) {
      assertThat(store.acquire("k" + i, "fp", Duration.ofSeconds(60)))
          .as("k" + i)
          .isInstanceOf(Acquisition.InProgress.class);
    }
    for (int i = 0; i < first; i += 7) {
      assertThat(store.complete("k" + i, tokens.get(i + 1), 200, Duration.ofDays(1)))
          .as("another key's token")
          .isFalse();
      assertThat(store.complete("k" + i, tokens.get(i), 200, Duration.ofDays(1))).isTrue();
      assertThat(store.completedStatus("k" + i, "fp")).hasValue(200);
    }
    int last = 5 * bound;
    for (int i = first; i < last; i++) {
      store.acquire("k" + i, "fp", Duration.ofSeconds(60));
    }
    assertThat(store.size()).isEqualTo(bound);
    // each segment keeps its last ~6,000 claims: the last 5,000 overall are all there
    for (int i = last - 5_000; i < last; i++) {
      assertThat(store.acquire("k" + i, "fp", Duration.ofSeconds(60)))
          .as("k" + i)
          .isInstanceOf(Acquisition.InProgress.class);
    }
    // and the first claims, completed or not, were evicted
    assertThat(store.completedStatus("k0", "fp")).isEmpty();
    assertThat(store.acquire("k1", "fp", Duration.ofSeconds(60)))
        .isInstanceOf(Acquisition.Acquired.class);
  }
}

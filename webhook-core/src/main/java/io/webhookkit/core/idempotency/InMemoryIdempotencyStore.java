package io.webhookkit.core.idempotency;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.webhookkit.core.inbox.ClaimedEntry;
import io.webhookkit.core.inbox.DeadEntry;
import io.webhookkit.core.inbox.DeliveryInbox;
import io.webhookkit.core.inbox.DeliveryState;
import io.webhookkit.core.inbox.Enqueued;
import io.webhookkit.core.inbox.InboxEntry;
import io.webhookkit.core.inbox.InboxStats;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * An idempotency store in this JVM's memory (Caffeine), bounded in size, entries expiring at their
 * lease or retention. Atomic within this process only: use a shared store (JDBC, Redis) when
 * several instances receive the same provider's deliveries. Under size pressure the oldest entries
 * are evicted, which can let a very old duplicate through.
 *
 * <p>Also a {@link DeliveryInbox} for development and tests, with the same states, leases and
 * fencing as the durable ones but <b>nothing survives the JVM</b>: queued deliveries are lost on a
 * crash or restart (guards warn at start-up, naming each deferred endpoint). Inbox records are not
 * evicted by size; completed ones are dropped after their retention. Thread-safe.
 */
public final class InMemoryIdempotencyStore implements IdempotencyStore, DeliveryInbox {
  /** The default bound on remembered deliveries. */
  public static final long DEFAULT_MAXIMUM_SIZE = 100_000;

  private enum State {
    IN_PROGRESS,
    COMPLETED
  }

  private record Entry(
      State state, String fingerprint, String token, long expiresAtMillis, int status) {}

  private final Clock clock;
  private final Cache<String, Entry> entries;

  private final OwnerTokens tokens = OwnerTokens.create();

  private InMemoryIdempotencyStore(Clock clock, long maximumSize) {
    this.clock = clock;
    this.entries =
        Caffeine.newBuilder()
            .maximumSize(maximumSize)
            .executor(Runnable::run)
            .ticker(() -> clock.millis() * 1_000_000L)
            .expireAfter(
                new Expiry<String, Entry>() {
                  @Override
                  public long expireAfterCreate(String key, Entry value, long currentTime) {
                    return nanosLeft(value);
                  }

                  @Override
                  public long expireAfterUpdate(
                      String key, Entry value, long currentTime, long currentDuration) {
                    return nanosLeft(value);
                  }

                  @Override
                  public long expireAfterRead(
                      String key, Entry value, long currentTime, long currentDuration) {
                    return currentDuration;
                  }
                })
            .build();
  }

  /** A store on the system clock with {@link #DEFAULT_MAXIMUM_SIZE}. */
  public static InMemoryIdempotencyStore create() {
    return new InMemoryIdempotencyStore(Clock.systemUTC(), DEFAULT_MAXIMUM_SIZE);
  }

  /** A store on this clock remembering at most this many deliveries. */
  public static InMemoryIdempotencyStore create(Clock clock, long maximumSize) {
    if (maximumSize <= 0) {
      throw new IllegalArgumentException("maximumSize must be positive");
    }
    return new InMemoryIdempotencyStore(clock, maximumSize);
  }

  private long nanosLeft(Entry entry) {
    return Math.max(0, entry.expiresAtMillis() - clock.millis()) * 1_000_000L;
  }

  @Override
  public Acquisition acquire(String key, String fingerprint, Duration lease) {
    AtomicReference<Acquisition> result = new AtomicReference<>();
    long now = clock.millis();
    entries
        .asMap()
        .compute(
            key,
            (k, existing) -> {
              if (existing == null || existing.expiresAtMillis() <= now) {
                String token = tokens.next();
                result.set(new Acquisition.Acquired(token));
                return new Entry(State.IN_PROGRESS, fingerprint, token, now + lease.toMillis(), 0);
              }
              if (!existing.fingerprint().equals(fingerprint)) {
                result.set(new Acquisition.FingerprintMismatch());
              } else if (existing.state() == State.COMPLETED) {
                result.set(new Acquisition.Completed(existing.status()));
              } else {
                result.set(
                    new Acquisition.InProgress(
                        Duration.ofMillis(existing.expiresAtMillis() - now)));
              }
              return existing;
            });
    return Objects.requireNonNull(result.get(), "computed above");
  }

  @Override
  public boolean complete(String key, String ownerToken, int status, Duration retention) {
    long now = clock.millis();
    AtomicBoolean owned = new AtomicBoolean();
    entries
        .asMap()
        .computeIfPresent(
            key,
            (k, existing) -> {
              if (existing.state() != State.IN_PROGRESS
                  || !existing.token().equals(ownerToken)
                  || existing.expiresAtMillis() <= now) {
                return existing;
              }
              owned.set(true);
              return new Entry(
                  State.COMPLETED,
                  existing.fingerprint(),
                  ownerToken,
                  now + retention.toMillis(),
                  status);
            });
    return owned.get();
  }

  @Override
  public boolean release(String key, String ownerToken) {
    AtomicBoolean owned = new AtomicBoolean();
    entries
        .asMap()
        .computeIfPresent(
            key,
            (k, existing) -> {
              if (existing.state() == State.IN_PROGRESS && existing.token().equals(ownerToken)) {
                owned.set(true);
                return null;
              }
              return existing;
            });
    return owned.get();
  }

  /** One inbox record; guarded by {@code inbox}'s monitor. */
  private static final class Row {
    DeliveryState state;
    final String fingerprint;
    InboxEntry entry;
    String token = "";
    int attempts;
    long due;
    long leaseUntil;
    final long receivedAt;
    @Nullable String lastError;
    int status;
    long expiresAt = Long.MAX_VALUE;

    Row(DeliveryState state, String fingerprint, InboxEntry entry, long receivedAt) {
      this.state = state;
      this.fingerprint = fingerprint;
      this.entry = entry;
      this.receivedAt = receivedAt;
      this.due = receivedAt;
    }
  }

  private final Map<String, Row> inbox = new LinkedHashMap<>();

  @Override
  public Enqueued enqueue(InboxEntry entry, String fingerprint, @Nullable Duration heldFor) {
    long now = clock.millis();
    synchronized (inbox) {
      Row existing = inbox.get(entry.key());
      if (existing != null
          && existing.state == DeliveryState.COMPLETED
          && existing.expiresAt <= now) {
        inbox.remove(entry.key());
        existing = null;
      }
      if (existing != null) {
        if (!existing.fingerprint.equals(fingerprint)) {
          return new Enqueued.FingerprintMismatch();
        }
        return existing.state == DeliveryState.COMPLETED
            ? new Enqueued.Completed(existing.status)
            : new Enqueued.Pending(existing.state);
      }
      Row row = new Row(DeliveryState.QUEUED, fingerprint, entry, now);
      String token = "";
      if (heldFor != null) {
        token = tokens.next();
        row.state = DeliveryState.PROCESSING;
        row.token = token;
        row.attempts = 1;
        row.leaseUntil = now + heldFor.toMillis();
      }
      inbox.put(entry.key(), row);
      return new Enqueued.Accepted(token);
    }
  }

  @Override
  public List<ClaimedEntry> claimDue(String endpoint, int max, Duration lease) {
    long now = clock.millis();
    List<Row> due = new ArrayList<>();
    synchronized (inbox) {
      inbox.values().removeIf(r -> r.state == DeliveryState.COMPLETED && r.expiresAt <= now);
      for (Row r : inbox.values()) {
        if (r.entry.endpoint().equals(endpoint) && isDue(r, now)) {
          due.add(r);
        }
      }
      due.sort(
          Comparator.comparingLong(
              (Row r) -> r.state == DeliveryState.PROCESSING ? r.leaseUntil : r.due));
      List<ClaimedEntry> claimed = new ArrayList<>();
      String token = tokens.next();
      for (Row r : due.subList(0, Math.min(max, due.size()))) {
        r.state = DeliveryState.PROCESSING;
        r.token = token;
        r.attempts++;
        r.leaseUntil = now + lease.toMillis();
        claimed.add(
            new ClaimedEntry(r.entry, token, r.attempts, Instant.ofEpochMilli(r.receivedAt)));
      }
      return claimed;
    }
  }

  private static boolean isDue(Row r, long now) {
    return switch (r.state) {
      case QUEUED, RETRYING -> r.due <= now;
      case PROCESSING -> r.leaseUntil <= now;
      default -> false;
    };
  }

  private @Nullable Row held(String key, String ownerToken) {
    Row r = inbox.get(key);
    return r != null && r.state == DeliveryState.PROCESSING && r.token.equals(ownerToken)
        ? r
        : null;
  }

  @Override
  public boolean heartbeat(String key, String ownerToken, Duration lease) {
    synchronized (inbox) {
      Row r = held(key, ownerToken);
      if (r == null) {
        return false;
      }
      r.leaseUntil = clock.millis() + lease.toMillis();
      return true;
    }
  }

  @Override
  public boolean completeDelivery(String key, String ownerToken, int status, Duration retention) {
    synchronized (inbox) {
      Row r = held(key, ownerToken);
      if (r == null) {
        return false;
      }
      r.state = DeliveryState.COMPLETED;
      r.status = status;
      r.token = "";
      r.entry =
          new InboxEntry(r.entry.key(), r.entry.endpoint(), r.entry.eventType(), "{}", new byte[0]);
      r.expiresAt = clock.millis() + retention.toMillis();
      return true;
    }
  }

  @Override
  public boolean retry(String key, String ownerToken, Duration delay, String error) {
    synchronized (inbox) {
      Row r = held(key, ownerToken);
      if (r == null) {
        return false;
      }
      r.state = DeliveryState.RETRYING;
      r.token = "";
      r.due = clock.millis() + delay.toMillis();
      r.lastError = error;
      return true;
    }
  }

  @Override
  public boolean dead(String key, String ownerToken, String error) {
    synchronized (inbox) {
      Row r = held(key, ownerToken);
      if (r == null) {
        return false;
      }
      r.state = DeliveryState.DEAD;
      r.token = "";
      r.lastError = error;
      return true;
    }
  }

  @Override
  public List<DeadEntry> listDead(String endpoint, int max) {
    synchronized (inbox) {
      return inbox.values().stream()
          .filter(r -> r.state == DeliveryState.DEAD && r.entry.endpoint().equals(endpoint))
          .sorted(Comparator.comparingLong((Row r) -> r.receivedAt))
          .limit(max)
          .map(
              r ->
                  new DeadEntry(
                      r.entry.key(),
                      endpoint,
                      r.entry.eventType(),
                      r.attempts,
                      r.lastError,
                      Instant.ofEpochMilli(r.receivedAt)))
          .toList();
    }
  }

  @Override
  public boolean replay(String key) {
    synchronized (inbox) {
      Row r = inbox.get(key);
      if (r == null || r.state != DeliveryState.DEAD) {
        return false;
      }
      requeue(r);
      return true;
    }
  }

  @Override
  public int replayDead(String endpoint) {
    synchronized (inbox) {
      int n = 0;
      for (Row r : inbox.values()) {
        if (r.state == DeliveryState.DEAD && r.entry.endpoint().equals(endpoint)) {
          requeue(r);
          n++;
        }
      }
      return n;
    }
  }

  /** A dead delivery queued again, due now, its attempts counted from zero. */
  private void requeue(Row r) {
    r.state = DeliveryState.QUEUED;
    r.attempts = 0;
    r.due = clock.millis();
  }

  @Override
  public InboxStats stats(String endpoint) {
    long now = clock.millis();
    long[] counts = new long[4];
    long oldest = Long.MAX_VALUE;
    synchronized (inbox) {
      for (Row r : inbox.values()) {
        if (!r.entry.endpoint().equals(endpoint)) {
          continue;
        }
        switch (r.state) {
          case QUEUED -> counts[0]++;
          case RETRYING -> counts[1]++;
          case PROCESSING -> counts[2]++;
          case DEAD -> counts[3]++;
          default -> {}
        }
        if ((r.state == DeliveryState.QUEUED || r.state == DeliveryState.RETRYING)
            && r.due <= now) {
          oldest = Math.min(oldest, r.due);
        }
      }
    }
    return new InboxStats(
        counts[0],
        counts[1],
        counts[2],
        counts[3],
        oldest == Long.MAX_VALUE ? Duration.ZERO : Duration.ofMillis(now - oldest));
  }

  /** How many deliveries are remembered (approximate; for tests and metrics). */
  public long size() {
    entries.cleanUp();
    return entries.estimatedSize();
  }
}

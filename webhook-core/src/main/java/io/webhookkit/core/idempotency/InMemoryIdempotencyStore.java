package io.webhookkit.core.idempotency;

import io.webhookkit.core.inbox.ClaimedEntry;
import io.webhookkit.core.inbox.DeadEntry;
import io.webhookkit.core.inbox.DeliveryInbox;
import io.webhookkit.core.inbox.DeliveryState;
import io.webhookkit.core.inbox.Enqueued;
import io.webhookkit.core.inbox.InboxEntry;
import io.webhookkit.core.inbox.InboxStats;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.jspecify.annotations.Nullable;

/**
 * An idempotency store in this JVM's memory, bounded in size, entries expiring at their lease or
 * retention. Atomic within this process only: use a shared store (JDBC, Redis) when several
 * instances receive the same provider's deliveries. Under size pressure the oldest entries (first
 * claimed) are evicted, which can let a very old duplicate through.
 *
 * <p>Built for the request path under the default collector: one small entry per delivery in a
 * {@link ConcurrentHashMap}, completed in place by one compare-and-set, bounded by a first-in
 * first-out ring of keys (a dedupe store's working set is its recent arrivals, so a cache's
 * admission policy buys nothing), no per-claim randomness or clock reads beyond one.
 *
 * <p>Also a {@link DeliveryInbox} for development and tests, with the same states, leases and
 * fencing as the durable ones but <b>nothing survives the JVM</b>: queued deliveries are lost on a
 * crash or restart (guards warn at start-up, naming each deferred endpoint). Inbox records are not
 * evicted by size; completed ones are dropped after their retention. Thread-safe.
 */
public final class InMemoryIdempotencyStore implements IdempotencyStore, DeliveryInbox {
  /** The default bound on remembered deliveries. */
  public static final long DEFAULT_MAXIMUM_SIZE = 100_000;

  /** The largest bound (the ring of keys is indexed by {@code int}). */
  static final long MAXIMUM_MAXIMUM_SIZE = 1L << 30;

  private static final int CHUNK = 4096;

  /**
   * One remembered delivery. Its fingerprint, owner token and place are fixed; its state (expiry,
   * completed, status) is one {@code long} changed only by compare-and-set, so that completing a
   * claim is one CAS on the entry, with no new entry and no second write to the map. An entry is
   * set to {@link #ENDED} before it leaves the map (taken over once expired, released, evicted), so
   * that its owner's late completion fails however the two race.
   */
  private static final class Entry {
    private static final VarHandle STATE;

    static {
      try {
        STATE = MethodHandles.lookup().findVarHandle(Entry.class, "state", long.class);
      } catch (ReflectiveOperationException e) {
        throw new ExceptionInInitializerError(e);
      }
    }

    final String fingerprint;
    final String token;
    final long sequence; // its place in the ring
    volatile long state; // see pack; ENDED once it left (or is leaving) the map

    Entry(String fingerprint, String token, long sequence, long state) {
      this.fingerprint = fingerprint;
      this.token = token;
      this.sequence = sequence;
      this.state = state;
    }

    boolean moveState(long from, long to) {
      return STATE.compareAndSet(this, from, to);
    }
  }

  /** The state of an entry taken over, released or evicted: never matches a live state. */
  static final long ENDED = -1L;

  private static final int EXPIRY_BITS = 44; // epoch millis up to the year 2527
  private static final long EXPIRY_MASK = (1L << EXPIRY_BITS) - 1;
  private static final long COMPLETED = 1L << 62;

  /**
   * Expiry in bits 0–43 (epoch milliseconds from 1970 to the year 2527; a clock outside that is
   * clamped to it), the status in bits 44–59, completed in bit 62; never negative.
   */
  static long pack(long expiresAtMillis, boolean completed, int status) {
    long expiry = Math.max(0, Math.min(expiresAtMillis, EXPIRY_MASK));
    return expiry | ((long) (status & 0xFFFF) << EXPIRY_BITS) | (completed ? COMPLETED : 0);
  }

  static long expiresAt(long state) {
    return state & EXPIRY_MASK;
  }

  static boolean completed(long state) {
    return (state & COMPLETED) != 0;
  }

  static int status(long state) {
    return (int) ((state >>> EXPIRY_BITS) & 0xFFFF);
  }

  private final Clock clock;
  private final long maximumSize;
  private final ConcurrentHashMap<String, Entry> entries;
  private final AtomicLong sequence = new AtomicLong();
  private final AtomicReferenceArray<@Nullable AtomicReferenceArray<@Nullable String>> ring;

  // owner tokens: the entries never leave this object, so a counter is unique enough (no random
  // prefix as OwnerTokens gives stores that processes share)
  private final AtomicLong tokens = new AtomicLong();

  private InMemoryIdempotencyStore(Clock clock, long maximumSize) {
    this.clock = clock;
    this.maximumSize = maximumSize;
    this.entries = new ConcurrentHashMap<>((int) Math.min(maximumSize, 1 << 16));
    this.ring = new AtomicReferenceArray<>((int) ((maximumSize + CHUNK - 1) / CHUNK));
  }

  /** A store on the system clock with {@link #DEFAULT_MAXIMUM_SIZE}. */
  public static InMemoryIdempotencyStore create() {
    return new InMemoryIdempotencyStore(Clock.systemUTC(), DEFAULT_MAXIMUM_SIZE);
  }

  /**
   * A store on this clock remembering at most this many deliveries.
   *
   * @throws IllegalArgumentException unless {@code 0 < maximumSize <= 2^30}
   */
  public static InMemoryIdempotencyStore create(Clock clock, long maximumSize) {
    if (maximumSize <= 0 || maximumSize > MAXIMUM_MAXIMUM_SIZE) {
      throw new IllegalArgumentException("maximumSize must be between 1 and 2^30");
    }
    return new InMemoryIdempotencyStore(clock, maximumSize);
  }

  private String token() {
    return Long.toHexString(tokens.incrementAndGet());
  }

  @Override
  public Acquisition acquire(String key, String fingerprint, Duration lease) {
    long now = clock.millis();
    while (true) {
      Entry existing = entries.get(key);
      if (existing != null) {
        long state = existing.state;
        if (state != ENDED && expiresAt(state) > now) {
          if (!existing.fingerprint.equals(fingerprint)) {
            return new Acquisition.FingerprintMismatch();
          }
          return completed(state)
              ? new Acquisition.Completed(status(state))
              : new Acquisition.InProgress(Duration.ofMillis(expiresAt(state) - now));
        }
        // expired: end it before taking its place, so that a late completion by its owner fails
        if (state != ENDED && !existing.moveState(state, ENDED)) {
          continue; // completed or taken meanwhile: look again
        }
      }
      String token = token();
      long place = sequence.getAndIncrement();
      Entry claimed = new Entry(fingerprint, token, place, pack(now + lease.toMillis(), false, 0));
      if (existing == null
          ? entries.putIfAbsent(key, claimed) == null
          : entries.replace(key, existing, claimed)) {
        remember(key, place);
        return new Acquisition.Acquired(token);
      }
      // another claim won the race for this key: answer as it decided
    }
  }

  @Override
  public OptionalInt completedStatus(String key, String fingerprint) {
    Entry e = entries.get(key);
    if (e == null) {
      return OptionalInt.empty();
    }
    long state = e.state;
    return state != ENDED
            && completed(state)
            && expiresAt(state) > clock.millis()
            && e.fingerprint.equals(fingerprint)
        ? OptionalInt.of(status(state))
        : OptionalInt.empty();
  }

  /** Puts the key in the ring at its place, evicting the key that held the place before. */
  private void remember(String key, long place) {
    int slot = (int) (place % maximumSize);
    AtomicReferenceArray<@Nullable String> chunk = ring.get(slot / CHUNK);
    if (chunk == null) {
      ring.compareAndSet(slot / CHUNK, null, new AtomicReferenceArray<>(CHUNK));
      chunk = Objects.requireNonNull(ring.get(slot / CHUNK));
    }
    String evicted = chunk.getAndSet(slot % CHUNK, key);
    if (evicted != null) {
      Entry old = entries.get(evicted);
      // only the entry that was given this place: a key claimed again since has a later one
      if (old != null && old.sequence <= place - maximumSize) {
        end(old); // so that its owner, if it still works on it, cannot complete it
        entries.remove(evicted, old);
      }
    }
  }

  /** Ends an entry whatever its state, before it leaves the map. */
  private static void end(Entry e) {
    long state;
    do {
      state = e.state;
    } while (state != ENDED && !e.moveState(state, ENDED));
  }

  @Override
  public boolean complete(String key, String ownerToken, int status, Duration retention) {
    if (status < 0 || status > 0xFFFF) {
      throw new IllegalArgumentException("not an HTTP status: " + status);
    }
    long now = clock.millis();
    Entry e = entries.get(key);
    if (e == null || !e.token.equals(ownerToken)) {
      return false;
    }
    long state = e.state;
    if (state == ENDED || completed(state) || expiresAt(state) <= now) {
      return false;
    }
    // fails if the claim was taken over, released or evicted meanwhile: it is no longer ours
    return e.moveState(state, pack(now + retention.toMillis(), true, status));
  }

  @Override
  public boolean release(String key, String ownerToken) {
    Entry e = entries.get(key);
    if (e == null || !e.token.equals(ownerToken)) {
      return false;
    }
    long state = e.state;
    if (state == ENDED || completed(state) || !e.moveState(state, ENDED)) {
      return false;
    }
    entries.remove(key, e); // unless a new claim already took its place: given up either way
    return true;
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
        token = token();
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
      String token = token();
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

  /**
   * How many deliveries are remembered, at most the maximum size (expired ones count until their
   * place in the ring is taken; for tests and metrics).
   */
  public long size() {
    return entries.size();
  }
}

package io.webhookkit.core.idempotency;

import com.dynatrace.hash4j.hashing.Hasher64;
import com.dynatrace.hash4j.hashing.Hashing;
import io.webhookkit.core.inbox.ClaimedEntry;
import io.webhookkit.core.inbox.DeadEntry;
import io.webhookkit.core.inbox.DeliveryInbox;
import io.webhookkit.core.inbox.DeliveryState;
import io.webhookkit.core.inbox.Enqueued;
import io.webhookkit.core.inbox.InboxEntry;
import io.webhookkit.core.inbox.InboxStats;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * An idempotency store in this JVM's memory, bounded in size, entries expiring at their lease or
 * retention. Atomic within this process only: use a shared store (JDBC, Redis) when several
 * instances receive the same provider's deliveries. Under size pressure the oldest entries (first
 * claimed) are evicted, which can let a very old duplicate through; a store of {@value
 * #SEGMENTED_FROM} or more deliveries is kept in {@value #SEGMENTS} segments by the key's hash,
 * each evicting its own oldest.
 *
 * <p>Built for the request path under the default collector: no object per remembered delivery.
 * Each delivery is five {@code long}s in an array (its key's hash in 128 bits, its fingerprint's in
 * 64, all XXH3-64 under seeds drawn per store; its state; its owner token), found through an
 * open-addressing table of {@code long}s and evicted first in, first out (a dedupe store's working
 * set is its recent arrivals, so a cache's admission policy buys nothing). Arrays of primitives
 * hold no references, so a young collection neither copies nor scans what the store remembers,
 * however many deliveries arrive between two collections. Two keys are taken for one only with a
 * chance of about 2<sup>-128</sup> per pair, two bodies of one delivery id for one with about
 * 2<sup>-64</sup>; nobody can raise either without the seeds.
 *
 * <p>Also a {@link DeliveryInbox} for development and tests, with the same states, leases and
 * fencing as the durable ones but <b>nothing survives the JVM</b>: queued deliveries are lost on a
 * crash or restart (guards warn at start-up, naming each deferred endpoint). Inbox records are not
 * evicted by size; completed ones are dropped after their retention. Thread-safe.
 */
public final class InMemoryIdempotencyStore implements IdempotencyStore, DeliveryInbox {
  /** The default bound on remembered deliveries. */
  public static final long DEFAULT_MAXIMUM_SIZE = 100_000;

  /** The largest bound. */
  static final long MAXIMUM_MAXIMUM_SIZE = 1L << 30;

  /** Stores this large are split in {@link #SEGMENTS}; smaller ones evict in exact claim order. */
  static final int SEGMENTED_FROM = 16_384;

  static final int SEGMENTS = 16;

  /** The state of a place whose delivery was taken over, released or evicted. */
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

  // a place's five longs
  private static final int KEY_HI = 0;
  private static final int KEY_LO = 1;
  private static final int PRINT = 2;
  private static final int STATE = 3;
  private static final int TOKEN = 4;
  private static final int WIDTH = 5;

  private static final int FIRST_PLACES = 1024;

  /**
   * One segment: its deliveries at places in claim order (a ring once full), and a table from a
   * key's hash to its place. Guarded by its own monitor.
   *
   * <p>A table slot holds the low 32 bits of the key's {@code lo} hash above its place + 1 (0 is a
   * free slot), so that probing, inserting and shifting read only the table; a delivery's own longs
   * are read once its slot matches.
   */
  private static final class Segment {
    final int index; // in the store's segments: the low bits of its owner tokens
    final int capacity; // places at most
    long[] places; // WIDTH longs per place
    long[] table; // linear probing from the key's low bits
    long claims; // places handed out so far; the next is claims % capacity
    long tokens; // owner tokens handed out so far
    int size; // deliveries in the table

    Segment(int index, int capacity) {
      this.index = index;
      this.capacity = capacity;
      int first = Math.min(capacity, FIRST_PLACES);
      this.places = new long[first * WIDTH];
      this.table = new long[tableSize(first)];
    }

    private static int tableSize(int places) {
      return Integer.highestOneBit(Math.max(places, 2) - 1) << 2; // load at most one half
    }

    private static long slot(long lo, int place) {
      return lo << 32 | (place + 1);
    }

    /** The place of this key, or -1. */
    int find(long hi, long lo) {
      int mask = table.length - 1;
      int tag = (int) lo;
      for (int i = tag & mask; ; i = (i + 1) & mask) {
        long t = table[i];
        if (t == 0) {
          return -1;
        }
        if ((int) (t >>> 32) == tag) {
          int place = (int) t - 1;
          int at = place * WIDTH;
          if (places[at + KEY_LO] == lo && places[at + KEY_HI] == hi) {
            return place;
          }
        }
      }
    }

    /** A new place for a delivery, evicting the oldest when full; not yet in the table. */
    int place() {
      long n = claims++;
      if (n < capacity) {
        int place = (int) n;
        if ((place + 1) * WIDTH > places.length) {
          grow();
        }
        return place;
      }
      int place = (int) (n % capacity);
      // a place taken over or released since is ENDED: its key has a later place or none
      if (places[place * WIDTH + STATE] != ENDED) {
        remove(place);
      }
      return place;
    }

    private void grow() {
      int now = places.length / WIDTH;
      int next = (int) Math.min((long) capacity, 2L * now);
      places = Arrays.copyOf(places, next * WIDTH);
      long[] old = table;
      table = new long[tableSize(next)];
      for (long t : old) {
        if (t != 0) {
          put(t);
        }
      }
    }

    /** A new owner token, unique in the store: this segment's count, then its index. */
    long token() {
      return ++tokens << 4 | index;
    }

    void insert(int place) {
      put(slot(places[place * WIDTH + KEY_LO], place));
      size++;
    }

    private void put(long slot) {
      int mask = table.length - 1;
      int i = (int) (slot >>> 32) & mask;
      while (table[i] != 0) {
        i = (i + 1) & mask;
      }
      table[i] = slot;
    }

    /** Takes a place out of the table (backward-shift deletion) and ends it. */
    void remove(int place) {
      int mask = table.length - 1;
      long slot = slot(places[place * WIDTH + KEY_LO], place);
      int i = (int) (slot >>> 32) & mask;
      while (table[i] != slot) {
        i = (i + 1) & mask;
      }
      int hole = i;
      for (int j = (hole + 1) & mask; table[j] != 0; j = (j + 1) & mask) {
        int home = (int) (table[j] >>> 32) & mask;
        // move j's slot into the hole unless its home lies cyclically in (hole, j]
        if (((j - home) & mask) >= ((j - hole) & mask)) {
          table[hole] = table[j];
          hole = j;
        }
      }
      table[hole] = 0;
      places[place * WIDTH + STATE] = ENDED;
      size--;
    }
  }

  private final Clock clock;
  private final Segment[] segments;
  private final Hasher64 high; // two XXH3-64 under seeds drawn per store: 128 bits, no object
  private final Hasher64 low;

  // owner tokens of the inbox's records
  private final AtomicLong inboxTokens = new AtomicLong();

  private InMemoryIdempotencyStore(Clock clock, long maximumSize) {
    this.clock = clock;
    int n = maximumSize >= SEGMENTED_FROM ? SEGMENTS : 1;
    this.segments = new Segment[n];
    for (int i = 0; i < n; i++) {
      // the first (maximumSize % n) segments take one more, so that together they hold exactly it
      segments[i] = new Segment(i, (int) (maximumSize / n + (i < maximumSize % n ? 1 : 0)));
    }
    SecureRandom seeds = new SecureRandom();
    this.high = Hashing.xxh3_64(seeds.nextLong());
    this.low = Hashing.xxh3_64(seeds.nextLong());
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

  /** A key and its hash. Immutable, so that the cache below may be read and written racily. */
  private static final class Hashed {
    final String key;
    final long hi;
    final long lo;

    Hashed(String key, long hi, long lo) {
      this.key = key;
      this.hi = hi;
      this.lo = lo;
    }
  }

  /**
   * The keys hashed last, by their {@code String} hash (which a string keeps once made): a guard
   * asks about one key three times per delivery (completed? claim, complete), and hashing 40
   * characters costs about 25 ns. A collision only costs hashing again.
   */
  private final @Nullable Hashed[] recent = new Hashed[256];

  private Hashed hashed(String key) {
    int h = key.hashCode();
    int i = (h ^ h >>> 16) & (recent.length - 1);
    Hashed r = recent[i];
    if (r == null || !r.key.equals(key)) {
      r = new Hashed(key, high.hashCharsToLong(key), low.hashCharsToLong(key));
      recent[i] = r;
    }
    return r;
  }

  private Segment segment(Hashed k) {
    return segments[(int) (k.hi >>> 60) & (segments.length - 1)];
  }

  @Override
  public Acquisition acquire(String key, String fingerprint, Duration lease) {
    long now = clock.millis();
    Hashed k = hashed(key);
    long print = high.hashCharsToLong(fingerprint);
    Segment s = segment(k);
    long token;
    synchronized (s) {
      int place = s.find(k.hi, k.lo);
      if (place >= 0) {
        int at = place * WIDTH;
        long state = s.places[at + STATE];
        if (expiresAt(state) > now) {
          if (s.places[at + PRINT] != print) {
            return new Acquisition.FingerprintMismatch();
          }
          return completed(state)
              ? new Acquisition.Completed(status(state))
              : new Acquisition.InProgress(Duration.ofMillis(expiresAt(state) - now));
        }
        s.remove(place); // expired: taken over, so that a late completion by its owner fails
      }
      place = s.place();
      token = s.token();
      long[] p = s.places;
      int at = place * WIDTH;
      p[at + KEY_HI] = k.hi;
      p[at + KEY_LO] = k.lo;
      p[at + PRINT] = print;
      p[at + STATE] = pack(now + lease.toMillis(), false, 0);
      p[at + TOKEN] = token;
      s.insert(place);
    }
    return new Acquisition.Acquired(Long.toHexString(token));
  }

  @Override
  public OptionalInt completedStatus(String key, String fingerprint) {
    Hashed k = hashed(key);
    Segment s = segment(k);
    long state;
    long print;
    synchronized (s) {
      int place = s.find(k.hi, k.lo);
      if (place < 0) {
        return OptionalInt.empty();
      }
      int at = place * WIDTH;
      state = s.places[at + STATE];
      print = s.places[at + PRINT];
    }
    if (!completed(state) || expiresAt(state) <= clock.millis()) {
      return OptionalInt.empty();
    }
    return high.hashCharsToLong(fingerprint) == print
        ? OptionalInt.of(status(state))
        : OptionalInt.empty();
  }

  /**
   * The number an owner token was written from ({@link Long#toHexString}), or 0 (never handed out)
   * when it is not written so.
   */
  private static long token(String ownerToken) {
    int n = ownerToken.length();
    if (n == 0 || n > 16 || ownerToken.charAt(0) == '0') {
      return 0;
    }
    long v = 0;
    for (int i = 0; i < n; i++) {
      char c = ownerToken.charAt(i);
      int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
      if (d < 0) {
        return 0;
      }
      v = v << 4 | d;
    }
    return v;
  }

  @Override
  public boolean complete(String key, String ownerToken, int status, Duration retention) {
    if (status < 0 || status > 0xFFFF) {
      throw new IllegalArgumentException("not an HTTP status: " + status);
    }
    long token = token(ownerToken);
    if (token == 0) {
      return false;
    }
    long now = clock.millis();
    Hashed k = hashed(key);
    Segment s = segment(k);
    synchronized (s) {
      int place = s.find(k.hi, k.lo);
      if (place < 0) {
        return false;
      }
      int at = place * WIDTH;
      long state = s.places[at + STATE];
      // a claim taken over, released or evicted is no longer its owner's
      if (s.places[at + TOKEN] != token || completed(state) || expiresAt(state) <= now) {
        return false;
      }
      s.places[at + STATE] = pack(now + retention.toMillis(), true, status);
      return true;
    }
  }

  @Override
  public boolean release(String key, String ownerToken) {
    long token = token(ownerToken);
    if (token == 0) {
      return false;
    }
    Hashed k = hashed(key);
    Segment s = segment(k);
    synchronized (s) {
      int place = s.find(k.hi, k.lo);
      if (place < 0
          || s.places[place * WIDTH + TOKEN] != token
          || completed(s.places[place * WIDTH + STATE])) {
        return false;
      }
      s.remove(place);
      return true;
    }
  }

  private String token() {
    return Long.toHexString(inboxTokens.incrementAndGet());
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
    long n = 0;
    for (Segment s : segments) {
      synchronized (s) {
        n += s.size;
      }
    }
    return n;
  }
}

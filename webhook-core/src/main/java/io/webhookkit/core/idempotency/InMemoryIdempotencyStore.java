package io.webhookkit.core.idempotency;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An idempotency store in this JVM's memory (Caffeine), bounded in size, entries expiring at their
 * lease or retention. Atomic within this process only: use a shared store (JDBC, Redis) when
 * several instances receive the same provider's deliveries. Under size pressure the oldest entries
 * are evicted, which can let a very old duplicate through. Thread-safe.
 */
public final class InMemoryIdempotencyStore implements IdempotencyStore {
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

  /** How many deliveries are remembered (approximate; for tests and metrics). */
  public long size() {
    entries.cleanUp();
    return entries.estimatedSize();
  }
}

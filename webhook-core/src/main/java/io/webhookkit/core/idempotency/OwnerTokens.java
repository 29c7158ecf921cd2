package io.webhookkit.core.idempotency;

import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Owner tokens for {@link IdempotencyStore} claims: unique across every process that shares a
 * store, cheap to make on the request path. A token is a 128-bit random prefix, drawn once when
 * this object is made, followed by a counter; unlike {@code UUID.randomUUID()} it does not ask the
 * shared {@code SecureRandom} on every claim, which contends under concurrent deliveries. A token
 * proves ownership only against a stale holder of the same store (fencing), not against an
 * attacker, so it needs uniqueness, not secrecy. At most 49 characters. Thread-safe.
 */
public final class OwnerTokens {
  private final String prefix;
  private final AtomicLong counter = new AtomicLong();

  private OwnerTokens(String prefix) {
    this.prefix = prefix;
  }

  /** A source of tokens with a fresh random prefix; make one per store instance. */
  public static OwnerTokens create() {
    SecureRandom random = new SecureRandom();
    return new OwnerTokens(
        Long.toHexString(random.nextLong()) + Long.toHexString(random.nextLong()) + "-");
  }

  /** A token no other call of any {@code OwnerTokens} has made (with overwhelming probability). */
  public String next() {
    return prefix + Long.toHexString(counter.incrementAndGet());
  }
}

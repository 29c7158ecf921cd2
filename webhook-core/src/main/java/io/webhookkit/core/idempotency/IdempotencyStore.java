package io.webhookkit.core.idempotency;

import java.time.Duration;
import java.util.OptionalInt;

/**
 * Remembers deliveries so that each is processed once, although providers deliver at least once.
 *
 * <p>Implementations must be atomic across every process that shares the store (Redis {@code SET NX
 * PX}, an SQL insert on a unique key — never check-then-insert), so that two instances never both
 * acquire one delivery. A holder whose lease expired loses the delivery to the next acquirer, and
 * its later {@code complete} or {@code release} is ignored (the owner token no longer matches). Any
 * exception means the store is unavailable: the guard fails closed with 503 and the provider
 * retries. Implementations are thread-safe.
 */
public interface IdempotencyStore {

  /**
   * Claims a delivery for processing.
   *
   * @param key endpoint-scoped delivery key
   * @param fingerprint the body's fingerprint ({@link
   *     io.webhookkit.core.provider.Payload#fingerprint}); a different body under the same key is a
   *     conflict
   * @param lease how long the claim holds if never completed nor released
   */
  Acquisition acquire(String key, String fingerprint, Duration lease);

  /**
   * Marks a held delivery done, remembering the handler's status for replays.
   *
   * @return false when the caller no longer held it (its lease expired and another took it)
   */
  boolean complete(String key, String ownerToken, int status, Duration retention);

  /**
   * Gives a held delivery up so that the provider's retry is processed.
   *
   * @return false when the caller no longer held it
   */
  boolean release(String key, String ownerToken);

  /**
   * The stored status of a delivery completed with this very body, looked up without claiming it,
   * so that the guard answers a duplicate before it reads the body again. Only a store that answers
   * from memory should implement it: a remote store would add a round trip to every new delivery.
   *
   * @param key endpoint-scoped delivery key
   * @param fingerprint the body's fingerprint, as given to {@link #acquire}
   * @return the stored status; empty when unknown (the default), not completed, or completed with
   *     another body
   */
  default OptionalInt completedStatus(String key, String fingerprint) {
    return OptionalInt.empty();
  }
}

package io.webhookkit.core.idempotency;

import java.time.Duration;

/** What {@link IdempotencyStore#acquire} found for a delivery. */
public sealed interface Acquisition {

  /**
   * This caller now holds the delivery and must complete or release it.
   *
   * @param ownerToken proves ownership to {@code complete} and {@code release}
   */
  record Acquired(String ownerToken) implements Acquisition {}

  /**
   * Another caller holds the delivery and its lease has not expired.
   *
   * @param retryAfter how long until the lease expires
   */
  record InProgress(Duration retryAfter) implements Acquisition {}

  /**
   * The delivery was completed; replay its status.
   *
   * @param status the status the handler answered
   */
  record Completed(int status) implements Acquisition {}

  /** The delivery id is known with a different body fingerprint. */
  record FingerprintMismatch() implements Acquisition {}
}

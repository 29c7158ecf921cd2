package io.webhookkit.core.inbox;

/** What {@link DeliveryInbox#enqueue} found for a delivery. */
public sealed interface Enqueued {

  /**
   * Written: the delivery is durable and may be acknowledged.
   *
   * @param ownerToken when written as held by the caller ({@code auto}), the token that proves it;
   *     empty otherwise
   */
  record Accepted(String ownerToken) implements Enqueued {}

  /**
   * Already in the inbox with this body and not finished: the provider's copy is safe, answer with
   * the ack status.
   *
   * @param state queued, processing, retrying or dead
   */
  record Pending(DeliveryState state) implements Enqueued {}

  /**
   * Already completed: replay its status.
   *
   * @param status the status it completed with
   */
  record Completed(int status) implements Enqueued {}

  /** The delivery id is known with a different body fingerprint. */
  record FingerprintMismatch() implements Enqueued {}
}

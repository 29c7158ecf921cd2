package io.webhookkit.core.inbox;

import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The durable inbox of {@code processing=deferred} and {@code auto}, implemented by a store beside
 * {@link io.webhookkit.core.idempotency.IdempotencyStore} over the same records: one per delivery
 * key, holding the raw body until it completes.
 *
 * <p>Contract, checked by the inbox compatibility kit in {@code webhook-test}:
 *
 * <ul>
 *   <li>{@link #enqueue} claims the key and writes the delivery in one atomic operation, and
 *       returns only once the write is durable: the caller acknowledges the provider after it.
 *   <li>{@link #claimDue} hands each due delivery (queued, retry due, or processing under a lease
 *       that ran out) to one caller only, counting the attempt at the claim.
 *   <li>Every later change ({@link #heartbeat}, {@link #completeDelivery}, {@link #retry}, {@link
 *       #dead}) is fenced by the owner token of the claim: a worker that lost its lease changes
 *       nothing and is told so ({@code false}).
 *   <li>Leases and due times are decided by one clock for every process sharing the store (the
 *       database's or Redis's own, unless the store was given a clock).
 *   <li>Any exception means the store is unavailable: the guard answers 503 {@code
 *       store_unavailable}, workers try again at their next poll.
 * </ul>
 *
 * Implementations are thread-safe.
 */
public interface DeliveryInbox {

  /**
   * Claims the key and writes the delivery, atomically.
   *
   * @param entry the verified delivery
   * @param fingerprint the body's SHA-256, hex; a different body under the same key is a conflict
   * @param heldFor {@code null} to queue it; else written as processing, held by the caller under a
   *     lease this long (the first attempt counted), for {@code auto}
   */
  Enqueued enqueue(InboxEntry entry, String fingerprint, @Nullable Duration heldFor);

  /**
   * Claims up to {@code max} due deliveries of one endpoint, oldest due first: queued ones, those
   * whose retry is due, and those whose lease ran out (a crashed worker's).
   *
   * @param lease how long the claim holds unless renewed
   */
  List<ClaimedEntry> claimDue(String endpoint, int max, Duration lease);

  /**
   * Renews a held delivery's lease.
   *
   * @return false when the caller no longer holds it
   */
  boolean heartbeat(String key, String ownerToken, Duration lease);

  /**
   * Completes a held delivery (named apart from {@code IdempotencyStore.complete}, which a store
   * implements beside it): the body is dropped, the key remembered for {@code retention} with this
   * status (a duplicate is answered with it).
   *
   * @return false when the caller no longer holds it
   */
  boolean completeDelivery(String key, String ownerToken, int status, Duration retention);

  /**
   * Schedules the next attempt of a held delivery.
   *
   * @param delay until the next attempt is due ({@link Duration#ZERO} to release it now)
   * @param error the failure, class and message, secrets removed
   * @return false when the caller no longer holds it
   */
  boolean retry(String key, String ownerToken, Duration delay, String error);

  /**
   * Marks a held delivery dead after its last attempt, keeping body, attempts and error.
   *
   * @return false when the caller no longer holds it
   */
  boolean dead(String key, String ownerToken, String error);

  /** Dead deliveries of one endpoint, oldest first, at most {@code max}. */
  List<DeadEntry> listDead(String endpoint, int max);

  /**
   * Queues a dead delivery again, due now, with its attempts counted from zero.
   *
   * @return false when the key is not dead
   */
  boolean replay(String key);

  /** Queues every dead delivery of one endpoint again; returns how many. */
  int replayDead(String endpoint);

  /** Counts by state and the oldest due delivery's wait, for one endpoint. */
  InboxStats stats(String endpoint);

  /**
   * Runs {@code work} and completes the held delivery in one transaction, when the store can join
   * the handler's work to it ({@code transactional=true} on JDBC): the work's database writes and
   * the completion commit together or not at all; if the delivery was lost meanwhile, the work is
   * rolled back. The default runs the work, then {@link #completeDelivery}.
   *
   * @return false when the caller no longer held it (with a transaction: nothing was committed)
   * @throws Exception what the work threw; the transaction was rolled back
   */
  default boolean completeWith(
      String key, String ownerToken, int status, Duration retention, TransactionalWork work)
      throws Exception {
    work.run();
    return completeDelivery(key, ownerToken, status, retention);
  }

  /**
   * Called once for each endpoint that will use this inbox, at start-up: a store that cannot serve
   * as an inbox as it stands (a JDBC table without the inbox's columns) says so here, so that the
   * endpoint fails to start instead of answering 503 to every delivery. Does nothing by default.
   *
   * @throws IllegalStateException saying what to do, never containing a secret
   */
  default void prepare(String endpoint) {}

  /** Whether {@link #completeWith} runs the work inside the completion's transaction. */
  default boolean joinsTransactions() {
    return false;
  }

  /** A handler's work that may join the completion transaction. */
  @FunctionalInterface
  interface TransactionalWork {
    /** Runs the work. */
    void run() throws Exception;
  }
}

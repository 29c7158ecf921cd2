package io.webhookkit.core;

/**
 * Handles a verified delivery outside the request ({@code processing=deferred} or {@code auto}),
 * called by a worker with the event rebuilt from the inbox. Returning completes the delivery;
 * throwing schedules its next attempt on the endpoint's retry schedule, and after the last one the
 * delivery is dead (kept and replayable). A handler may run more than once for one delivery (a
 * crash between its side effects and the completion): make its effects idempotent, or use {@code
 * transactional=true} with the JDBC store for database writes. Route by event type with {@link
 * WebhookHandlers}.
 */
@FunctionalInterface
public interface WebhookHandler {

  /**
   * Handles one delivery.
   *
   * @throws Exception to have the delivery tried again later
   */
  void handle(WebhookEvent event) throws Exception;

  /**
   * Whether this handler takes a delivery of this event (a router answers false when no route
   * matches). A delivery no handler takes is completed and counted as {@code unhandled}, never
   * retried. Default: every delivery.
   */
  default boolean handles(WebhookEvent event) {
    return true;
  }
}

package io.webhookkit.core.inbox;

import java.time.Duration;

/**
 * How much of one endpoint's inbox is waiting, for gauges and health: counts by state and how long
 * the oldest due delivery has waited (zero when none is due) — the one figure to alert on.
 *
 * @param queued deliveries waiting for their first attempt
 * @param retrying deliveries waiting for a later attempt
 * @param processing deliveries a worker holds
 * @param dead deliveries whose last attempt failed
 * @param oldestDue how long the oldest due delivery has been due
 */
public record InboxStats(
    long queued, long retrying, long processing, long dead, Duration oldestDue) {
  /** Nothing waiting. */
  public static final InboxStats EMPTY = new InboxStats(0, 0, 0, 0, Duration.ZERO);

  /** Queued, retrying and processing together: what is not finished. */
  public long depth() {
    return queued + retrying + processing;
  }
}

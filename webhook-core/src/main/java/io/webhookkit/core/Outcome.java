package io.webhookkit.core;

import java.util.Locale;

/** How one attempt ended, for logs, metrics and listeners. */
public enum Outcome {
  /** Verified, handled, and the handler answered 2xx. */
  ACCEPTED,
  /** Refused by the guard; see the {@link Reason}. */
  REJECTED,
  /** An endpoint-verification handshake, answered by the kit. */
  HANDSHAKE,
  /** A delivery already completed; its stored status was replayed without calling the handler. */
  DUPLICATE,
  /** Verified, but the handler threw or answered non-2xx; released so the retry is processed. */
  FAILED,
  /**
   * Verified and written to the durable inbox ({@code processing=deferred}, or {@code auto} past
   * its deadline); acknowledged with the ack status, the handler runs on a worker.
   */
  QUEUED,
  /**
   * Verified and acknowledged by the broker ({@code processing=forward}); answered with the ack
   * status, consumers of the topic process it.
   */
  FORWARDED;

  /** Lower-case name for logs and metric tags. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}

package io.webhookkit.core;

import java.util.Locale;

/** Where an endpoint's handler runs, the {@code processing} key. */
public enum Processing {
  /** Inside the request: the answer is the handler's (the default, and 0.1's only way). */
  SYNC,
  /**
   * After the answer: the delivery is written to the durable inbox, acknowledged with the preset's
   * ack status, and handled by a worker with retries.
   */
  DEFERRED,
  /**
   * Inline until the endpoint's {@code deadline}: written to the inbox as held by the request, its
   * handler run at once; answered when it returns, or with the ack status at the deadline, after
   * which it finishes as a deferred delivery.
   */
  AUTO,
  /**
   * Handed to a broker ({@code webhook-kafka}): published to {@code forward.topic} and answered
   * with the preset's ack status once the broker acknowledged; consumers process it.
   */
  FORWARD;

  /**
   * Whether deliveries are kept in the durable inbox and handled by the worker pool ({@link
   * #DEFERRED}, {@link #AUTO}).
   */
  public boolean usesInbox() {
    return this == DEFERRED || this == AUTO;
  }

  /** The key's value for this mode. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The mode a key's value names. */
  public static Processing of(String value) {
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "sync" -> SYNC;
      case "deferred" -> DEFERRED;
      case "auto" -> AUTO;
      case "forward" -> FORWARD;
      default -> throw new IllegalArgumentException("must be sync, deferred, auto or forward");
    };
  }
}

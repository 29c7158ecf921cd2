package io.webhookkit.core.inbox;

import java.util.Locale;

/**
 * Where a delivery in the inbox stands: {@code Q} queued → {@code P} processing (owned, leased) →
 * {@code C} completed, or {@code R} retry scheduled → {@code P} …, or {@code D} dead after its last
 * attempt. Stores keep the one-letter {@link #code()}.
 */
public enum DeliveryState {
  /** Written and acknowledged; waiting for a worker. */
  QUEUED('Q'),
  /** Claimed by a worker, whose lease is renewed while its handler runs. */
  PROCESSING('P'),
  /** Its handler failed; the next attempt is due at a scheduled time. */
  RETRYING('R'),
  /** Its last attempt failed; kept with body, attempts and last error until replayed. */
  DEAD('D'),
  /** Its handler returned; the body is dropped and the id remembered for the retention. */
  COMPLETED('C');

  private final char code;

  DeliveryState(char code) {
    this.code = code;
  }

  /** The one-letter code stores keep. */
  public char code() {
    return code;
  }

  /** The state for a stored code. */
  public static DeliveryState ofCode(char code) {
    for (DeliveryState s : values()) {
      if (s.code == code) {
        return s;
      }
    }
    throw new IllegalArgumentException("no delivery state '" + code + "'");
  }

  /** Lower-case name, for logs and the {@code Webhook-Delivery-State} header. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}

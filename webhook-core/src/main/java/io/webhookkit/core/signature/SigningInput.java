package io.webhookkit.core.signature;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a sender signs: the body bytes, and the delivery id and timestamp where the scheme signs
 * them.
 *
 * @param body the exact bytes to send
 * @param id the delivery id, for schemes that sign it
 * @param timestamp the send time, for schemes that sign it
 */
public record SigningInput(byte[] body, @Nullable String id, @Nullable Instant timestamp) {
  /** Checks the body is present. */
  public SigningInput {
    Objects.requireNonNull(body, "body");
  }

  /** The timestamp, or an error naming what is missing. */
  Instant requireTimestamp() {
    if (timestamp == null) {
      throw new IllegalArgumentException("this scheme signs a timestamp; give one");
    }
    return timestamp;
  }

  /** The id, or an error naming what is missing. */
  String requireId() {
    if (id == null) {
      throw new IllegalArgumentException("this scheme signs a delivery id; give one");
    }
    return id;
  }
}

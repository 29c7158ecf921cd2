package io.webhookkit.core.signature;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a sender signs: the body bytes, and the delivery id, timestamp, method and URL where the
 * scheme signs them.
 *
 * @param body the exact bytes to send
 * @param id the delivery id, for schemes that sign it
 * @param timestamp the send time, for schemes that sign it
 * @param method the HTTP method, for schemes that sign it
 * @param url the full URL the request is sent to, for schemes that sign it
 */
public record SigningInput(
    byte[] body,
    @Nullable String id,
    @Nullable Instant timestamp,
    String method,
    @Nullable String url) {
  /** Checks the body and method are present. */
  public SigningInput {
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(method, "method");
  }

  /** A POST to an unknown URL. */
  public SigningInput(byte[] body, @Nullable String id, @Nullable Instant timestamp) {
    this(body, id, timestamp, "POST", null);
  }

  /** The URL, or an error naming what is missing. */
  String requireUrl() {
    if (url == null) {
      throw new IllegalArgumentException("this scheme signs the request URL; give one");
    }
    return url;
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

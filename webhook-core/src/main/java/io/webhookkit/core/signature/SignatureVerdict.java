package io.webhookkit.core.signature;

import io.webhookkit.core.Reason;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The result of verifying a signature: which secret matched, or why none did. */
public sealed interface SignatureVerdict {

  /** A verdict that no secret matched. The detail is a fixed sentence, never a received value. */
  static SignatureVerdict failed(Reason reason, String detail) {
    return new Failed(reason, detail);
  }

  /**
   * A verdict that the key to check the signature with could not be had (the provider's key host
   * unreachable, a time-out, a bad answer, and no good key cached): the guard answers {@link
   * Reason#KEY_UNAVAILABLE} with this {@code Retry-After}.
   */
  static SignatureVerdict keyUnavailable(String detail, Duration retryAfter) {
    return new KeyUnavailable(detail, retryAfter);
  }

  /**
   * A signature matched.
   *
   * @param secretLabel the label of the secret that matched, to finish a rotation with evidence
   * @param timestamp the signed timestamp, when the scheme signs one
   * @param signedId the delivery id covered by the signature, when the scheme signs one; the guard
   *     prefers it over an unsigned id so that a replay cannot change the id
   */
  record Verified(String secretLabel, @Nullable Instant timestamp, @Nullable String signedId)
      implements SignatureVerdict {
    /** The signed timestamp, if the scheme signs one. */
    public Optional<Instant> signedTimestamp() {
      return Optional.ofNullable(timestamp);
    }
  }

  /**
   * No secret matched.
   *
   * @param reason {@link Reason#SIGNATURE_MISSING} or {@link Reason#SIGNATURE_INVALID}
   * @param detail a fixed sentence safe to show (header names at most)
   */
  record Failed(Reason reason, String detail) implements SignatureVerdict {}

  /**
   * The verification key could not be had: fail closed and let the provider retry.
   *
   * @param detail a fixed sentence safe to show (never a received value or a URL)
   * @param retryAfter when to retry
   */
  record KeyUnavailable(String detail, Duration retryAfter) implements SignatureVerdict {}
}

package io.webhookkit.core.signature;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** How a provider writes the timestamp it signs. */
public enum TimestampFormat {
  /** Unix seconds (Slack, Stripe, Standard Webhooks, most providers). */
  SECONDS("a Unix timestamp in seconds"),
  /** Unix milliseconds (HubSpot, Webflow, Linear). */
  MILLIS("a Unix timestamp in milliseconds"),
  /**
   * An RFC 3339 date-time with an offset, signed as its exact text ({@code
   * 2026-11-29T12:00:00.123456789Z}: Twitch, Box).
   */
  RFC3339("an RFC 3339 date-time");

  private final String description;

  TimestampFormat(String description) {
    this.description = description;
  }

  /** The instant this text means; {@code null} when it is not in this format (never throws). */
  public @Nullable Instant parse(String text) {
    switch (this) {
      case MILLIS:
        return Timestamps.millis(text);
      case RFC3339:
        return Timestamps.rfc3339(text);
      default:
        return Timestamps.seconds(text);
    }
  }

  /** The instant written in this format, as a signer sends it. */
  public String format(Instant at) {
    switch (this) {
      case MILLIS:
        return Long.toString(at.toEpochMilli());
      case RFC3339:
        return at.toString();
      default:
        return Long.toString(at.getEpochSecond());
    }
  }

  /** What the format is, for refusal details ("is not a Unix timestamp in seconds"). */
  public String description() {
    return description;
  }
}

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
    return switch (this) {
      case MILLIS -> Timestamps.millis(text);
      case RFC3339 -> Timestamps.rfc3339(text);
      default -> Timestamps.seconds(text);
    };
  }

  /** The instant written in this format, as a signer sends it. */
  public String format(Instant at) {
    return switch (this) {
      case MILLIS -> Long.toString(at.toEpochMilli());
      case RFC3339 -> at.toString();
      default -> Long.toString(at.getEpochSecond());
    };
  }

  /** What the format is, for refusal details ("is not a Unix timestamp in seconds"). */
  public String description() {
    return description;
  }
}

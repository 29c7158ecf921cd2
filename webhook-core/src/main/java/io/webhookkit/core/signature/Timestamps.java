package io.webhookkit.core.signature;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/** Parses timestamps from headers without throwing. */
final class Timestamps {
  private Timestamps() {}

  /** Whole seconds since the epoch, 1 to 12 ASCII digits; {@code null} otherwise. */
  static @Nullable Instant seconds(String text) {
    return seconds(text, 0, text.length());
  }

  /** Milliseconds since the epoch, 1 to 15 ASCII digits; {@code null} otherwise. */
  static @Nullable Instant millis(String text) {
    int n = text.length();
    if (n == 0 || n > 15) {
      return null;
    }
    long value = 0;
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return null;
      }
      value = value * 10 + (c - '0');
    }
    return Instant.ofEpochMilli(value);
  }

  /**
   * An RFC 3339 date-time with an offset ({@code 2026-11-29T12:00:00.123456789Z}), at most 40
   * characters; {@code null} otherwise.
   */
  static @Nullable Instant rfc3339(String text) {
    if (text.isEmpty() || text.length() > 40) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException malformed) {
      return null;
    }
  }

  /** {@link #seconds(String)} over {@code text[from, to)}, without copying it. */
  static @Nullable Instant seconds(String text, int from, int to) {
    int n = to - from;
    if (n <= 0 || n > 12) {
      return null;
    }
    long value = 0;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return null;
      }
      value = value * 10 + (c - '0');
    }
    return Instant.ofEpochSecond(value);
  }
}

package io.webhookkit.core.internal;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parsers for configuration values: durations, sizes, booleans, lists and rate limits. Each throws
 * {@link IllegalArgumentException} with a message that may be shown to the user (it quotes the
 * value, so never pass a secret here).
 */
public final class ConfigValues {
  /** Largest body the kit will buffer: a Java array's practical limit. */
  public static final long MAX_BODY_SIZE = Integer.MAX_VALUE - 8;

  private ConfigValues() {}

  /**
   * Parses {@code 300ms}, {@code 30s}, {@code 5m}, {@code 2h}, {@code 7d} or ISO-8601 ({@code
   * PT5M}, {@code P7D}). A bare number is refused: it is ambiguous.
   */
  public static Duration duration(String text) {
    String s = text.trim();
    if (s.isEmpty()) {
      throw new IllegalArgumentException("empty duration");
    }
    char first = s.charAt(0);
    if (first == 'P' || first == 'p' || (first == '-' && s.length() > 1 && s.charAt(1) == 'P')) {
      try {
        return Duration.parse(s);
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("'" + text + "' is not an ISO-8601 duration");
      }
    }
    int unitAt = 0;
    while (unitAt < s.length() && Character.isDigit(s.charAt(unitAt))) {
      unitAt++;
    }
    if (unitAt == 0 || unitAt > 12) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a duration (use 300ms, 30s, 5m, 2h, 7d or ISO-8601 like PT5M)");
    }
    long amount = Long.parseLong(s.substring(0, unitAt));
    String unit = s.substring(unitAt).trim().toLowerCase(Locale.ROOT);
    return switch (unit) {
      case "ms" -> Duration.ofMillis(amount);
      case "s" -> Duration.ofSeconds(amount);
      case "m" -> Duration.ofMinutes(amount);
      case "h" -> Duration.ofHours(amount);
      case "d" -> Duration.ofDays(amount);
      case "" ->
          throw new IllegalArgumentException(
              "'" + text + "' has no unit (write 300ms, 30s, 5m, 2h or 7d)");
      default ->
          throw new IllegalArgumentException(
              "'" + text + "' has an unknown unit '" + unit + "' (use ms, s, m, h or d)");
    };
  }

  /** Parses {@code 512KB}, {@code 1MB}, {@code 10B} or a bare number of bytes; 1KB = 1024 bytes. */
  public static long size(String text) {
    String s = text.trim();
    int unitAt = 0;
    while (unitAt < s.length() && Character.isDigit(s.charAt(unitAt))) {
      unitAt++;
    }
    if (unitAt == 0 || unitAt > 12) {
      throw new IllegalArgumentException("'" + text + "' is not a size (use 512KB, 1MB, …)");
    }
    long amount = Long.parseLong(s.substring(0, unitAt));
    String unit = s.substring(unitAt).trim().toUpperCase(Locale.ROOT);

    long factor =
        switch (unit) {
          case "", "B" -> 1;
          case "KB" -> 1L << 10;
          case "MB" -> 1L << 20;
          case "GB" -> 1L << 30;
          default ->
              throw new IllegalArgumentException(
                  "'" + text + "' has an unknown unit '" + unit + "' (use B, KB, MB or GB)");
        };
    if (amount > Long.MAX_VALUE / factor) {
      throw new IllegalArgumentException("'" + text + "' is too large");
    }
    return amount * factor;
  }

  /** Parses {@code true} or {@code false} (any case); anything else is refused. */
  /** A whole number of at least 1, e.g. {@code 8}. */
  public static int positiveInt(String text) {
    int value;
    try {
      value = Integer.parseInt(text.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + text + "' is not a whole number", e);
    }
    if (value < 1) {
      throw new IllegalArgumentException("must be at least 1");
    }
    return value;
  }

  public static boolean bool(String text) {
    String s = text.trim();
    if (s.equalsIgnoreCase("true")) {
      return true;
    }
    if (s.equalsIgnoreCase("false")) {
      return false;
    }
    throw new IllegalArgumentException("'" + text + "' is not true or false");
  }

  /** Splits a comma-separated list, trimming entries and dropping empty ones. */
  public static List<String> list(String text) {
    List<String> out = new ArrayList<>();
    for (String part : text.split(",", -1)) {
      String p = part.trim();
      if (!p.isEmpty()) {
        out.add(p);
      }
    }
    return out;
  }

  /**
   * A rate limit: so many permits per period.
   *
   * @param permits how many requests
   * @param period in how long
   */
  public record Rate(long permits, Duration period) {}

  /** Parses {@code 100/1s}, {@code 100/s}, {@code 6000/1m}, {@code 10/PT1S}. */
  public static Rate rate(String text) {
    String s = text.trim();
    int slash = s.indexOf('/');
    if (slash <= 0 || slash == s.length() - 1) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a rate limit (write permits/period, e.g. 100/1s)");
    }
    String count = s.substring(0, slash).trim();
    if (count.isEmpty() || count.length() > 12 || !count.chars().allMatch(Character::isDigit)) {
      throw new IllegalArgumentException("'" + text + "' does not start with a number of permits");
    }
    long permits = Long.parseLong(count);
    String periodText = s.substring(slash + 1).trim();
    Duration period =
        Character.isLetter(periodText.charAt(0)) && !periodText.startsWith("P")
            ? duration("1" + periodText)
            : duration(periodText);
    if (permits <= 0 || period.isZero() || period.isNegative()) {
      throw new IllegalArgumentException(
          "'" + text + "' must allow at least 1 per positive period");
    }
    return new Rate(permits, period);
  }
}

package io.webhookkit.core.inbox;

import io.webhookkit.core.internal.ConfigValues;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * When a worker tries a failed delivery again, and when it gives up: the endpoint's {@code
 * retry.schedule} ({@code exponential}: initial × 2<sup>n−1</sup>; {@code fixed}: initial; {@code
 * fibonacci}: initial × F(n); or an explicit list of delays, the last repeating), capped at {@code
 * retry.max-delay}, each delay drawn up to 20 % shorter (jitter, so that deliveries failed together
 * are not retried together). A delivery is dead after {@code retry.max-attempts} attempts, or when
 * its next attempt would fall after {@code retry.max-age} from its first receipt. Immutable.
 */
public final class RetryPolicy {
  /** The default schedule, Svix's documented one. */
  public static final String DEFAULT_SCHEDULE = "5s,5m,30m,2h,5h,10h,10h";

  /** The default first delay of the computed schedules. */
  public static final Duration DEFAULT_INITIAL = Duration.ofMinutes(1);

  /** The default cap on one delay. */
  public static final Duration DEFAULT_MAX_DELAY = Duration.ofHours(10);

  /** The default number of attempts, the first included. */
  public static final int DEFAULT_MAX_ATTEMPTS = 8;

  /** The default age after which no attempt is scheduled. */
  public static final Duration DEFAULT_MAX_AGE = Duration.ofDays(3);

  /** The computed schedules; a list of delays is the fourth kind. */
  public enum Kind {
    /** initial × 2<sup>n−1</sup>. */
    EXPONENTIAL,
    /** initial every time. */
    FIXED,
    /** initial × F(n): 1, 1, 2, 3, 5, 8 … */
    FIBONACCI,
    /** An explicit list of delays, the last repeating. */
    LIST
  }

  private final Kind kind;
  private final List<Duration> delays;
  private final Duration initial;
  private final Duration maxDelay;
  private final int maxAttempts;
  private final Duration maxAge;
  private final DoubleSupplier random;

  private RetryPolicy(
      Kind kind,
      List<Duration> delays,
      Duration initial,
      Duration maxDelay,
      int maxAttempts,
      Duration maxAge,
      DoubleSupplier random) {
    this.kind = kind;
    this.delays = List.copyOf(delays);
    this.initial = initial;
    this.maxDelay = maxDelay;
    this.maxAttempts = maxAttempts;
    this.maxAge = maxAge;
    this.random = random;
  }

  /** The defaults: {@value #DEFAULT_SCHEDULE}, 8 attempts, 10 h cap, 3 days. */
  public static RetryPolicy defaults() {
    return new RetryPolicy(
        Kind.LIST,
        parseList(DEFAULT_SCHEDULE),
        DEFAULT_INITIAL,
        DEFAULT_MAX_DELAY,
        DEFAULT_MAX_ATTEMPTS,
        DEFAULT_MAX_AGE,
        () -> ThreadLocalRandom.current().nextDouble());
  }

  /**
   * A computed schedule ({@code exponential}, {@code fixed}, {@code fibonacci}) or a list, from its
   * configuration text.
   *
   * @throws IllegalArgumentException naming what does not parse
   */
  public RetryPolicy withSchedule(String schedule) {
    String s = schedule.trim().toLowerCase(Locale.ROOT);
    return switch (s) {
      case "exponential" -> with(Kind.EXPONENTIAL, List.of());
      case "fixed" -> with(Kind.FIXED, List.of());
      case "fibonacci" -> with(Kind.FIBONACCI, List.of());
      default -> with(Kind.LIST, parseList(s));
    };
  }

  private RetryPolicy with(Kind k, List<Duration> d) {
    return new RetryPolicy(k, d, initial, maxDelay, maxAttempts, maxAge, random);
  }

  /** The first delay of a computed schedule ({@code retry.initial}). */
  public RetryPolicy withInitial(Duration value) {
    return new RetryPolicy(
        kind, delays, positive("retry.initial", value), maxDelay, maxAttempts, maxAge, random);
  }

  /** The cap on one delay ({@code retry.max-delay}). */
  public RetryPolicy withMaxDelay(Duration value) {
    return new RetryPolicy(
        kind, delays, initial, positive("retry.max-delay", value), maxAttempts, maxAge, random);
  }

  /** Attempts in all, the first included ({@code retry.max-attempts}, at least 1). */
  public RetryPolicy withMaxAttempts(int value) {
    if (value < 1) {
      throw new IllegalArgumentException("must be at least 1");
    }
    return new RetryPolicy(kind, delays, initial, maxDelay, value, maxAge, random);
  }

  /** The age after which no attempt is scheduled ({@code retry.max-age}). */
  public RetryPolicy withMaxAge(Duration value) {
    return new RetryPolicy(
        kind, delays, initial, maxDelay, maxAttempts, positive("retry.max-age", value), random);
  }

  /** The source of jitter, uniform in [0, 1) (tests fix it). */
  public RetryPolicy withRandom(DoubleSupplier value) {
    return new RetryPolicy(
        kind, delays, initial, maxDelay, maxAttempts, maxAge, Objects.requireNonNull(value));
  }

  private static Duration positive(String key, Duration value) {
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(key + " must be positive");
    }
    return value;
  }

  private static List<Duration> parseList(String text) {
    List<Duration> out = new ArrayList<>();
    for (String part : text.split(",", -1)) {
      String p = part.trim();
      if (p.isEmpty()) {
        throw new IllegalArgumentException(
            "must be exponential, fixed, fibonacci or a list of delays such as "
                + DEFAULT_SCHEDULE);
      }
      Duration d;
      try {
        d = ConfigValues.duration(p);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "'"
                + p
                + "' is neither exponential, fixed, fibonacci nor a delay (a list such as "
                + DEFAULT_SCHEDULE
                + ")",
            e);
      }
      if (d.isNegative()) {
        throw new IllegalArgumentException("a delay must not be negative");
      }
      out.add(d);
    }
    return out;
  }

  /** The schedule's kind. */
  public Kind kind() {
    return kind;
  }

  /** Attempts in all. */
  public int maxAttempts() {
    return maxAttempts;
  }

  /** The age after which no attempt is scheduled. */
  public Duration maxAge() {
    return maxAge;
  }

  /** The cap on one delay. */
  public Duration maxDelay() {
    return maxDelay;
  }

  /** The first delay of a computed schedule. */
  public Duration initial() {
    return initial;
  }

  /** The schedule's nominal delay after the {@code failedAttempts}-th failure, before jitter. */
  public Duration nominalDelay(int failedAttempts) {
    int n = Math.max(1, failedAttempts);
    Duration d =
        switch (kind) {
          case LIST -> delays.get(Math.min(n, delays.size()) - 1);
          case FIXED -> initial;
          case EXPONENTIAL -> multiply(initial, n >= 62 ? Long.MAX_VALUE : 1L << (n - 1));
          case FIBONACCI -> multiply(initial, fibonacci(n));
        };
    return d.compareTo(maxDelay) > 0 ? maxDelay : d;
  }

  private static long fibonacci(int n) {
    long a = 1;
    long b = 1;
    for (int i = 2; i < n && b < Long.MAX_VALUE / 2; i++) {
      long next = a + b;
      a = b;
      b = next;
    }
    return n <= 2 ? 1 : b;
  }

  private static Duration multiply(Duration d, long factor) {
    try {
      return d.multipliedBy(factor);
    } catch (ArithmeticException overflow) {
      return Duration.ofSeconds(Long.MAX_VALUE / 4);
    }
  }

  /** The delay after the {@code failedAttempts}-th failure, jittered up to 20 % shorter. */
  public Duration delay(int failedAttempts) {
    Duration nominal = nominalDelay(failedAttempts);
    double r = Math.min(Math.max(random.getAsDouble(), 0), 1);
    long millis = nominal.toMillis();
    return Duration.ofMillis(millis - (long) (millis * 0.2 * r));
  }

  /**
   * What to do after a failed attempt: the delay until the next one, or empty when the delivery is
   * dead (attempts used up, or the next attempt would fall after {@code max-age}).
   *
   * @param failedAttempts attempts so far, the failed one included
   * @param receivedAt when the delivery was first written
   * @param now the store's or worker's time now
   */
  public Optional<Duration> next(int failedAttempts, Instant receivedAt, Instant now) {
    if (failedAttempts >= maxAttempts) {
      return Optional.empty();
    }
    Duration d = delay(failedAttempts);
    if (now.plus(d).isAfter(receivedAt.plus(maxAge))) {
      return Optional.empty();
    }
    return Optional.of(d);
  }

  @Override
  public String toString() {
    String schedule =
        kind == Kind.LIST
            ? delays.stream().map(Duration::toString).reduce((a, b) -> a + "," + b).orElse("")
            : kind.name().toLowerCase(Locale.ROOT) + " from " + initial;
    return schedule
        + ", max-delay "
        + maxDelay
        + ", "
        + maxAttempts
        + " attempts, max-age "
        + maxAge;
  }
}

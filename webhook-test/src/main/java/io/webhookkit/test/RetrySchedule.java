package io.webhookkit.test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * When a provider retries a failed delivery: the delays before the second, third, … attempt.
 * Immutable.
 */
public final class RetrySchedule {
  private final String name;
  private final List<Duration> delays;

  private RetrySchedule(String name, List<Duration> delays) {
    this.name = name;
    this.delays = List.copyOf(delays);
  }

  /** A custom schedule: the delays before each retry. */
  public static RetrySchedule of(String name, List<Duration> delays) {
    return new RetrySchedule(name, delays);
  }

  /**
   * Exponential backoff: {@code first}, 2×, 4×, 8× … for {@code retries} retries (1, 2, 4, 8 min
   * …).
   */
  public static RetrySchedule exponential(Duration first, int retries) {
    List<Duration> d = new ArrayList<>();
    for (int i = 0; i < retries; i++) {
      d.add(first.multipliedBy(1L << i));
    }
    return new RetrySchedule("exponential", d);
  }

  /** Fixed intervals: {@code interval} before each of {@code retries} retries. */
  public static RetrySchedule fixed(Duration interval, int retries) {
    List<Duration> d = new ArrayList<>();
    for (int i = 0; i < retries; i++) {
      d.add(interval);
    }
    return new RetrySchedule("fixed", d);
  }

  /** Fibonacci: 1, 2, 3, 5, 8 … × {@code unit} for {@code retries} retries. */
  public static RetrySchedule fibonacci(Duration unit, int retries) {
    List<Duration> d = new ArrayList<>();
    long a = 1;
    long b = 2;
    for (int i = 0; i < retries; i++) {
      d.add(unit.multipliedBy(a));
      long next = a + b;
      a = b;
      b = next;
    }
    return new RetrySchedule("fibonacci", d);
  }

  /**
   * Slack's published schedule: up to three retries, nearly immediately, after one minute, after
   * five minutes (https://api.slack.com/apis/events-api#retries).
   */
  public static RetrySchedule slack() {
    return new RetrySchedule(
        "slack", List.of(Duration.ZERO, Duration.ofMinutes(1), Duration.ofMinutes(5)));
  }

  /**
   * The Standard Webhooks specification's example schedule, also Svix's: 5 s, 5 min, 30 min, 2 h, 5
   * h, 10 h, 14 h, 20 h, 24 h after the first attempt's failure.
   */
  public static RetrySchedule standardWebhooks() {
    return new RetrySchedule(
        "standard-webhooks",
        List.of(
            Duration.ofSeconds(5),
            Duration.ofMinutes(5),
            Duration.ofMinutes(30),
            Duration.ofHours(2),
            Duration.ofHours(5),
            Duration.ofHours(10),
            Duration.ofHours(14),
            Duration.ofHours(20),
            Duration.ofHours(24)));
  }

  /** Svix's schedule (the Standard Webhooks one). */
  public static RetrySchedule svix() {
    return standardWebhooks();
  }

  /**
   * Stripe publishes only "up to three days with an exponential back off" in live mode
   * (https://docs.stripe.com/webhooks#retries); this models it as 1 h doubling, capped at 24 h,
   * until three days have passed.
   */
  public static RetrySchedule stripe() {
    List<Duration> d = new ArrayList<>();
    Duration total = Duration.ZERO;
    Duration next = Duration.ofHours(1);
    while (total.plus(next).compareTo(Duration.ofDays(3)) <= 0) {
      d.add(next);
      total = total.plus(next);
      next =
          next.multipliedBy(2).compareTo(Duration.ofHours(24)) > 0
              ? Duration.ofHours(24)
              : next.multipliedBy(2);
    }
    return new RetrySchedule("stripe", d);
  }

  /** The delays before each retry. */
  public List<Duration> delays() {
    return delays;
  }

  /** How many attempts at most, the first included. */
  public int maxAttempts() {
    return delays.size() + 1;
  }

  /** The schedule's name. */
  public String name() {
    return name;
  }

  @Override
  public String toString() {
    return name + delays;
  }
}

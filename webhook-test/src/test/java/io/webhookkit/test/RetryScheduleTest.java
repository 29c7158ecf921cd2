package io.webhookkit.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The retry patterns of the tutorial and the providers' published schedules. */
class RetryScheduleTest {
  private static Duration min(long n) {
    return Duration.ofMinutes(n);
  }

  @Test
  void exponentialDoubles() {
    assertThat(RetrySchedule.exponential(min(1), 4).delays())
        .containsExactly(min(1), min(2), min(4), min(8));
  }

  @Test
  void fibonacciAddsTheTwoBefore() {
    assertThat(RetrySchedule.fibonacci(min(1), 5).delays())
        .containsExactly(min(1), min(2), min(3), min(5), min(8));
  }

  @Test
  void fixedRepeats() {
    assertThat(RetrySchedule.fixed(min(1), 3).delays()).containsExactly(min(1), min(1), min(1));
  }

  @Test
  void slackRetriesThreeTimes() {
    assertThat(RetrySchedule.slack().delays()).containsExactly(Duration.ZERO, min(1), min(5));
    assertThat(RetrySchedule.slack().maxAttempts()).isEqualTo(4);
  }

  @Test
  void standardWebhooksFollowsTheSpecificationsTable() {
    assertThat(RetrySchedule.standardWebhooks().delays())
        .startsWith(Duration.ofSeconds(5), min(5), min(30), Duration.ofHours(2))
        .endsWith(Duration.ofHours(24))
        .hasSize(9);
  }

  @Test
  void stripeBacksOffExponentiallyWithinThreeDays() {
    Duration total = RetrySchedule.stripe().delays().stream().reduce(Duration.ZERO, Duration::plus);
    assertThat(total).isLessThanOrEqualTo(Duration.ofDays(3));
    assertThat(RetrySchedule.stripe().delays())
        .startsWith(Duration.ofHours(1), Duration.ofHours(2), Duration.ofHours(4))
        .isSorted();
  }
}

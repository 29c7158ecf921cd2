package io.webhookkit.core.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The retry schedules of the tutorial (exponential, fixed, Fibonacci) and Svix's list. */
class RetryPolicyTest {
  private static final Instant T0 = Instant.parse("2026-12-02T12:00:00Z");
  private final RetryPolicy noJitter = RetryPolicy.defaults().withRandom(() -> 0);

  private static List<Duration> first(RetryPolicy p, int n) {
    List<Duration> out = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      out.add(p.nominalDelay(i));
    }
    return out;
  }

  @Test
  void theDefaultIsSvixsScheduleAndItsLastDelayRepeats() {
    assertThat(first(noJitter, 9))
        .containsExactly(
            Duration.ofSeconds(5),
            Duration.ofMinutes(5),
            Duration.ofMinutes(30),
            Duration.ofHours(2),
            Duration.ofHours(5),
            Duration.ofHours(10),
            Duration.ofHours(10),
            Duration.ofHours(10),
            Duration.ofHours(10));
    assertThat(noJitter.maxAttempts()).isEqualTo(8);
  }

  @Test
  void computedSchedulesGrowFromTheInitialDelayUpToTheCap() {
    RetryPolicy base =
        noJitter.withInitial(Duration.ofSeconds(10)).withMaxDelay(Duration.ofMinutes(1));
    assertThat(first(base.withSchedule("exponential"), 5))
        .containsExactly(
            Duration.ofSeconds(10),
            Duration.ofSeconds(20),
            Duration.ofSeconds(40),
            Duration.ofMinutes(1),
            Duration.ofMinutes(1));
    assertThat(first(base.withSchedule("fixed"), 3)).containsOnly(Duration.ofSeconds(10));
    assertThat(first(base.withSchedule("FIBONACCI"), 6))
        .containsExactly(
            Duration.ofSeconds(10),
            Duration.ofSeconds(10),
            Duration.ofSeconds(20),
            Duration.ofSeconds(30),
            Duration.ofSeconds(50),
            Duration.ofMinutes(1));
    assertThat(base.withSchedule("exponential").nominalDelay(500)).isEqualTo(Duration.ofMinutes(1));
  }

  @Test
  void jitterDrawsEachDelayUpTo20PercentShorter() {
    RetryPolicy p = RetryPolicy.defaults().withSchedule("100s");
    assertThat(p.withRandom(() -> 0).delay(1)).isEqualTo(Duration.ofSeconds(100));
    assertThat(p.withRandom(() -> 0.5).delay(1)).isEqualTo(Duration.ofSeconds(90));
    assertThat(p.withRandom(() -> 0.999_999).delay(1))
        .isBetween(Duration.ofSeconds(80), Duration.ofSeconds(81));
    for (int i = 0; i < 1000; i++) {
      assertThat(p.delay(1)).isBetween(Duration.ofSeconds(80), Duration.ofSeconds(100));
    }
  }

  @Test
  void aDeliveryIsDeadAfterItsLastAttemptOrPastItsMaxAge() {
    RetryPolicy p = noJitter.withSchedule("1h").withMaxAttempts(3).withMaxAge(Duration.ofHours(5));
    assertThat(p.next(1, T0, T0)).contains(Duration.ofHours(1));
    assertThat(p.next(2, T0, T0.plusSeconds(3600))).contains(Duration.ofHours(1));
    assertThat(p.next(3, T0, T0.plusSeconds(7200))).isEmpty();
    assertThat(p.withMaxAttempts(10).next(4, T0, T0.plus(Duration.ofHours(4)).plusSeconds(1)))
        .isEmpty();
    assertThat(p.withMaxAttempts(10).next(4, T0, T0.plus(Duration.ofHours(4)))).isPresent();
  }

  @Test
  void badSchedulesAreRefusedWithWhatWasExpected() {
    assertThatThrownBy(() -> noJitter.withSchedule("5s,,1m"))
        .hasMessageContaining("exponential, fixed, fibonacci");
    assertThatThrownBy(() -> noJitter.withSchedule("soon")).hasMessageContaining("'soon'");
    assertThatThrownBy(() -> noJitter.withMaxAttempts(0)).hasMessageContaining("at least 1");
    assertThatThrownBy(() -> noJitter.withInitial(Duration.ZERO)).hasMessageContaining("positive");
  }
}

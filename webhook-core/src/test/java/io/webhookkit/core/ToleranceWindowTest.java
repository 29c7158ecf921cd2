package io.webhookkit.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The guard's two-sided timestamp window without {@code Duration} objects agrees with {@code
 * Duration.between(t, now).abs().compareTo(tolerance) > 0} to the nanosecond, at the window's edges
 * and at the ends of {@code Instant}'s range (a signed timestamp is untrusted input).
 */
class ToleranceWindowTest {
  private static boolean byDuration(Instant t, Instant now, Duration tolerance) {
    return Duration.between(t, now).abs().compareTo(tolerance) > 0;
  }

  @Test
  void theEdgesOfTheWindowToTheNanosecond() {
    Instant now = Instant.parse("2026-12-07T18:00:00.000000500Z");
    Duration tolerance = Duration.ofMinutes(5);
    for (long delta : new long[] {-2, -1, 0, 1, 2}) {
      for (Instant t :
          new Instant[] {
            now.plus(tolerance).plusNanos(delta), now.minus(tolerance).plusNanos(delta)
          }) {
        assertThat(WebhookGuard.outside(t, now, tolerance))
            .as("%s against %s", t, now)
            .isEqualTo(byDuration(t, now, tolerance));
      }
    }
    assertThat(WebhookGuard.outside(now.plus(tolerance).plusNanos(1), now, tolerance)).isTrue();
    assertThat(WebhookGuard.outside(now.minus(tolerance), now, tolerance)).isFalse();
    assertThat(WebhookGuard.outside(now.minus(tolerance).minusNanos(1), now, tolerance)).isTrue();
  }

  @Test
  void agreesWithDurationOnRandomAndExtremeInstants() {
    SplittableRandom random = new SplittableRandom(7);
    Instant[] extremes = {Instant.MIN, Instant.MAX, Instant.EPOCH, Instant.ofEpochSecond(-1, 1)};
    for (int i = 0; i < 200_000; i++) {
      Instant now =
          Instant.ofEpochSecond(
              1_700_000_000L + random.nextInt(1_000), random.nextInt(1_000_000_000));
      Duration tolerance =
          Duration.ofSeconds(
              random.nextInt(1, 900), random.nextInt(3) == 0 ? random.nextInt(1_000_000_000) : 0);
      Instant t =
          switch (random.nextInt(4)) {
            case 0 -> extremes[random.nextInt(extremes.length)];
            case 1 ->
                now.plusSeconds(random.nextLong(-2_000, 2_000))
                    .plusNanos(random.nextInt(-1_000_000_000, 1_000_000_000));
            case 2 ->
                (random.nextBoolean() ? now.plus(tolerance) : now.minus(tolerance))
                    .plusNanos(random.nextInt(-3, 4));
            default ->
                Instant.ofEpochSecond(
                    random.nextLong(-31_557_014_167_219_200L, 31_556_889_864_403_199L),
                    random.nextInt(1_000_000_000));
          };
      assertThat(WebhookGuard.outside(t, now, tolerance))
          .as("%s against %s within %s", t, now, tolerance)
          .isEqualTo(byDuration(t, now, tolerance));
    }
  }
}

package io.webhookkit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Durations, sizes and rates as the design writes them. */
class ConfigValuesTest {
  @Test
  void durationsInEveryDocumentedForm() {
    assertThat(ConfigValues.duration("300ms")).isEqualTo(Duration.ofMillis(300));
    assertThat(ConfigValues.duration("30s")).isEqualTo(Duration.ofSeconds(30));
    assertThat(ConfigValues.duration("5m")).isEqualTo(Duration.ofMinutes(5));
    assertThat(ConfigValues.duration("2h")).isEqualTo(Duration.ofHours(2));
    assertThat(ConfigValues.duration("7d")).isEqualTo(Duration.ofDays(7));
    assertThat(ConfigValues.duration("PT5M")).isEqualTo(Duration.ofMinutes(5));
    assertThat(ConfigValues.duration("P7D")).isEqualTo(Duration.ofDays(7));
    assertThatThrownBy(() -> ConfigValues.duration("5 parsecs"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void sizesUseBinaryUnitsLikeSpringsDataSize() {
    assertThat(ConfigValues.size("512KB")).isEqualTo(512 * 1024);
    assertThat(ConfigValues.size("1MB")).isEqualTo(1024 * 1024);
    assertThat(ConfigValues.size("1mb")).isEqualTo(1024 * 1024);
    assertThat(ConfigValues.size("10B")).isEqualTo(10);
    assertThat(ConfigValues.size("4096")).isEqualTo(4096);
    assertThatThrownBy(() -> ConfigValues.size("99999999999GB"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void ratesInEveryForm() {
    assertThat(ConfigValues.rate("100/1s"))
        .isEqualTo(new ConfigValues.Rate(100, Duration.ofSeconds(1)));
    assertThat(ConfigValues.rate("100/s"))
        .isEqualTo(new ConfigValues.Rate(100, Duration.ofSeconds(1)));
    assertThat(ConfigValues.rate("6000 / 1m"))
        .isEqualTo(new ConfigValues.Rate(6000, Duration.ofMinutes(1)));
    assertThat(ConfigValues.rate("10/PT1S"))
        .isEqualTo(new ConfigValues.Rate(10, Duration.ofSeconds(1)));
  }
}

package io.webhookkit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The idempotency fingerprint's value and form. */
class FingerprintsTest {

  /**
   * XXH3-128 of "" and of "abc" as the reference implementation prints them ({@code xxhsum -H2},
   * xxHash 0.8, Debian package {@code xxhash}): 99aa06d3014798d8 6001c324468d497f and
   * 06b05ab6733a6185 78af5f94892f3950, high half first; the fingerprint writes each half as a
   * signed decimal.
   */
  @Test
  void isTheReferenceXxh3OfTheBytesInDecimalHalves() {
    assertThat(Fingerprints.xxh3(new byte[0]))
        .isEqualTo("x3:" + 0x99aa06d3014798d8L + "." + 0x6001c324468d497fL)
        .isEqualTo("x3:-7374073936536430376.6918025063187695999");
    assertThat(Fingerprints.xxh3("abc".getBytes(StandardCharsets.US_ASCII)))
        .isEqualTo("x3:" + 0x06b05ab6733a6185L + "." + 0x78af5f94892f3950L);
  }

  @Test
  void fitsTheStoresColumnAndTellsBodiesApart() {
    String a = Fingerprints.xxh3("{\"id\":1}".getBytes(StandardCharsets.US_ASCII));
    String b = Fingerprints.xxh3("{\"id\":2}".getBytes(StandardCharsets.US_ASCII));
    assertThat(a).isNotEqualTo(b).startsWith(Fingerprints.XXH3_PREFIX);
    // the JDBC store's column is VARCHAR(64); the longest form: two 20-character negatives
    assertThat(("x3:" + Long.MIN_VALUE + "." + Long.MIN_VALUE).length()).isEqualTo(44);
    assertThat(a.length()).isLessThanOrEqualTo(44);
  }
}

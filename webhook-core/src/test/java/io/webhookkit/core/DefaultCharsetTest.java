package io.webhookkit.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import org.junit.jupiter.api.Test;

/**
 * Proves the second test run really ran under another default charset: the build sets {@code
 * webhookkit.expectedCharset} for that run, and every other test must pass under it.
 */
class DefaultCharsetTest {
  @Test
  void theRunUsesTheDefaultCharsetTheBuildAskedFor() {
    String expected =
        System.getProperty("webhookkit.expectedCharset", Charset.defaultCharset().name());
    assertThat(Charset.defaultCharset().name()).isEqualTo(expected);
  }
}

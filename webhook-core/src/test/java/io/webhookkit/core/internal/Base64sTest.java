package io.webhookkit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Base64sTest {
  @Test
  void decodesIntoABufferExactlyAsTheJdkDecoderDoes() {
    Random random = new Random(42);
    for (int length : new int[] {1, 2, 3, 31, 32, 33, 64}) {
      for (int round = 0; round < 50; round++) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        String padded = Base64.getEncoder().encodeToString(bytes);
        String unpadded = Base64.getEncoder().withoutPadding().encodeToString(bytes);
        for (String text : new String[] {padded, unpadded}) {
          String framed = "v1," + text + " ";
          byte[] out = new byte[length + 4];
          assertThat(Base64s.decodeInto(framed, 3, 3 + text.length(), out, 4, length)).isTrue();
          assertThat(Arrays.copyOfRange(out, 4, 4 + length)).isEqualTo(bytes);
        }
      }
    }
  }

  @Test
  void refusesTheWrongLengthForeignCharactersAndBrokenPadding() {
    byte[] out = new byte[64];
    String b64 = Base64.getEncoder().encodeToString(new byte[32]); // 43 chars + '='
    assertThat(Base64s.decodeInto(b64, 0, b64.length(), out, 0, 31)).isFalse();
    assertThat(Base64s.decodeInto(b64, 0, b64.length(), out, 0, 33)).isFalse();
    assertThat(Base64s.decodeInto(b64.replace('A', '-'), 0, b64.length(), out, 0, 32)).isFalse();
    assertThat(Base64s.decodeInto(b64 + "=", 0, b64.length() + 1, out, 0, 32)).isFalse();
    assertThat(Base64s.decodeInto(b64 + "==", 0, b64.length() + 2, out, 0, 32)).isFalse();
    assertThat(Base64s.decodeInto("", 0, 0, out, 0, 32)).isFalse();
    assertThat(Base64s.decodeInto("====", 0, 4, out, 0, 2)).isFalse();
  }
}

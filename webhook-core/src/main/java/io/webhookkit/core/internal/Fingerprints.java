package io.webhookkit.core.internal;

import com.dynatrace.hash4j.hashing.HashValue128;
import com.dynatrace.hash4j.hashing.Hasher128;
import com.dynatrace.hash4j.hashing.Hashing;
import java.nio.charset.StandardCharsets;

/** Idempotency fingerprints of bodies that already passed verification. Stateless. */
public final class Fingerprints {
  /** The prefix of XXH3-128 fingerprints, so that a later format can be told apart. */
  public static final String XXH3_PREFIX = "x3:";

  private static final Hasher128 XXH3 = Hashing.xxh3_128();
  private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.ISO_8859_1);

  private Fingerprints() {}

  /** {@code x3:} and the XXH3-128 of the bytes as 32 lower-case hex digits (35 characters). */
  public static String xxh3(byte[] body) {
    HashValue128 h = XXH3.hashBytesTo128Bits(body);
    byte[] out = new byte[35];
    out[0] = 'x';
    out[1] = '3';
    out[2] = ':';
    hex(h.getMostSignificantBits(), out, 3);
    hex(h.getLeastSignificantBits(), out, 19);
    return new String(out, StandardCharsets.ISO_8859_1);
  }

  private static void hex(long v, byte[] out, int at) {
    for (int i = 15; i >= 0; i--) {
      out[at + i] = HEX[(int) (v & 0xf)];
      v >>>= 4;
    }
  }
}

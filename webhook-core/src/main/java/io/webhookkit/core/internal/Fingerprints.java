package io.webhookkit.core.internal;

import com.dynatrace.hash4j.hashing.HashValue128;
import com.dynatrace.hash4j.hashing.Hasher128;
import com.dynatrace.hash4j.hashing.Hashing;

/** Idempotency fingerprints of bodies that already passed verification. Stateless. */
public final class Fingerprints {
  /** The prefix of XXH3-128 fingerprints, so that a later format can be told apart. */
  public static final String XXH3_PREFIX = "x3:";

  private static final Hasher128 XXH3 = Hashing.xxh3_128();

  private Fingerprints() {}

  /**
   * {@code x3:} and the XXH3-128 of the bytes: its two 64-bit halves as signed decimals joined by a
   * dot (at most 44 characters). Decimals, because string concatenation writes them straight into
   * the result: one array and the string, no text in between.
   */
  public static String xxh3(byte[] body) {
    HashValue128 h = XXH3.hashBytesTo128Bits(body);
    return XXH3_PREFIX + h.getMostSignificantBits() + "." + h.getLeastSignificantBits();
  }
}

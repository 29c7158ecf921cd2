package io.webhookkit.core.internal;

import org.jspecify.annotations.Nullable;

/** Lower-case hex encoding and a decoder that answers {@code null} instead of throwing. */
public final class Hex {
  private static final char[] DIGITS = "0123456789abcdef".toCharArray();

  private Hex() {}

  /** Encodes bytes as lower-case hex. */
  public static String encode(byte[] bytes) {
    char[] out = new char[bytes.length * 2];
    for (int i = 0; i < bytes.length; i++) {
      out[2 * i] = DIGITS[(bytes[i] >> 4) & 0xf];
      out[2 * i + 1] = DIGITS[bytes[i] & 0xf];
    }
    return new String(out);
  }

  /**
   * Decodes {@code s[from, to)} into {@code out[offset, offset + length)} when it is exactly that
   * many bytes of hex (either case); allocates nothing.
   *
   * @return false when the range is not {@code 2 * length} hex digits
   */
  public static boolean decodeInto(String s, int from, int to, byte[] out, int offset, int length) {
    if (to - from != 2 * length) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      int hi = Character.digit(s.charAt(from + 2 * i), 16);
      int lo = Character.digit(s.charAt(from + 2 * i + 1), 16);
      if (hi < 0 || lo < 0) {
        return false;
      }
      out[offset + i] = (byte) ((hi << 4) | lo);
    }
    return true;
  }

  /**
   * Decodes {@code s[from, to)} as hex (either case).
   *
   * @return the bytes, or {@code null} when the range is not an even number of hex digits
   */
  public static byte @Nullable [] decode(String s, int from, int to) {
    int length = to - from;
    if (length <= 0 || (length & 1) != 0) {
      return null;
    }
    byte[] out = new byte[length / 2];
    for (int i = 0; i < out.length; i++) {
      int hi = Character.digit(s.charAt(from + 2 * i), 16);
      int lo = Character.digit(s.charAt(from + 2 * i + 1), 16);
      if (hi < 0 || lo < 0) {
        return null;
      }
      out[i] = (byte) ((hi << 4) | lo);
    }
    return out;
  }
}

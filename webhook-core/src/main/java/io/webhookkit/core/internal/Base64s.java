package io.webhookkit.core.internal;

import java.util.Base64;
import org.jspecify.annotations.Nullable;

/** Base64 decoding that answers {@code null} instead of throwing on untrusted input. */
public final class Base64s {
  private Base64s() {}

  /** Decodes standard base64 (padding optional); {@code null} when the text is not base64. */
  public static byte @Nullable [] decode(String s) {
    if (s.isEmpty()) {
      return null;
    }
    try {
      return Base64.getDecoder().decode(s);
    } catch (IllegalArgumentException notBase64) {
      return null;
    }
  }

  /**
   * Decodes standard base64 {@code s[from, to)} (padding optional) into {@code out[offset, offset +
   * length)} when it is exactly that many bytes; allocates nothing.
   *
   * @return false when the range is not base64 of exactly {@code length} bytes
   */
  public static boolean decodeInto(String s, int from, int to, byte[] out, int offset, int length) {
    int end = to;
    while (end > from && to - end < 2 && s.charAt(end - 1) == '=') {
      end--;
    }
    int chars = end - from;
    if (chars != (length * 8 + 5) / 6 || (end < to && (to - from) % 4 != 0)) {
      return false;
    }
    int acc = 0;
    int bits = 0;
    int o = offset;
    for (int i = from; i < end; i++) {
      int v = value(s.charAt(i));
      if (v < 0) {
        return false;
      }
      acc = (acc << 6) | v;
      bits += 6;
      if (bits >= 8) {
        bits -= 8;
        out[o++] = (byte) (acc >> bits);
      }
    }
    return o - offset == length;
  }

  private static int value(char c) {
    if (c >= 'A' && c <= 'Z') {
      return c - 'A';
    }
    if (c >= 'a' && c <= 'z') {
      return c - 'a' + 26;
    }
    if (c >= '0' && c <= '9') {
      return c - '0' + 52;
    }
    return c == '+' ? 62 : c == '/' ? 63 : -1;
  }

  /** Encodes bytes as standard base64 with padding. */
  public static String encode(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }
}

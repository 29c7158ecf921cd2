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
    return decodeInto(s, from, to, out, offset, length, false);
  }

  /**
   * As {@link #decodeInto(String, int, int, byte[], int, int)}, for the URL-safe alphabet ({@code
   * -} and {@code _}) when {@code url} is true.
   */
  public static boolean decodeInto(
      String s, int from, int to, byte[] out, int offset, int length, boolean url) {
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
      int v = value(s.charAt(i), url);
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
    // a canonical encoding leaves the unused low bits zero: "…N1" is not the same MAC as "…N0"
    return o - offset == length && (acc & ((1 << bits) - 1)) == 0;
  }

  private static int value(char c, boolean url) {
    if (c >= 'A' && c <= 'Z') {
      return c - 'A';
    }
    if (c >= 'a' && c <= 'z') {
      return c - 'a' + 26;
    }
    if (c >= '0' && c <= '9') {
      return c - '0' + 52;
    }
    if (url) {
      return c == '-' ? 62 : c == '_' ? 63 : -1;
    }
    return c == '+' ? 62 : c == '/' ? 63 : -1;
  }

  /** Decodes URL-safe base64 (padding optional); {@code null} when the text is not that. */
  public static byte @Nullable [] decodeUrl(String s) {
    if (s.isEmpty()) {
      return null;
    }
    try {
      return Base64.getUrlDecoder().decode(s);
    } catch (IllegalArgumentException notBase64) {
      return null;
    }
  }

  /** Encodes bytes as URL-safe base64 without padding. */
  public static String encodeUrl(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** Encodes bytes as standard base64 with padding. */
  public static String encode(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }
}

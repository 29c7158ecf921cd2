package io.webhookkit.core.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.jspecify.annotations.Nullable;

/**
 * Parses IPv4 and IPv6 literals without ever touching DNS ({@link InetAddress#getByName} would
 * resolve a host name; here a name is simply not an address).
 *
 * <p>Addresses are returned as 4 or 16 bytes; an IPv4-mapped IPv6 address ({@code ::ffff:a.b.c.d})
 * is returned as its 4 IPv4 bytes so that IPv4 blocks match it.
 */
public final class IpAddresses {
  private IpAddresses() {}

  /**
   * Parses one literal: dotted IPv4, or IPv6 (optionally in brackets, optionally with a zone id).
   *
   * @return 4 or 16 bytes, or {@code null} when {@code text} is not an IP literal
   */
  public static byte @Nullable [] parse(@Nullable String text) {
    if (text == null || text.isEmpty() || text.length() > 64) {
      return null;
    }
    String s = text;
    if (s.charAt(0) == '[') {
      if (s.charAt(s.length() - 1) != ']') {
        return null;
      }
      s = s.substring(1, s.length() - 1);
      return s.indexOf(':') < 0 ? null : parseV6(s);
    }
    return s.indexOf(':') >= 0 ? parseV6(s) : parseV4(s);
  }

  /**
   * True when {@code text} is an IP literal in 127.0.0.0/8 or ::1: {@code isLoopback(parse(text))},
   * without the array for an IPv4 literal.
   */
  public static boolean isLoopback(@Nullable String text) {
    if (text != null && !text.isEmpty() && text.length() <= 64 && text.indexOf(':') < 0) {
      return text.charAt(0) != '[' && v4(text) >>> 24 == 127;
    }
    return isLoopback(parse(text));
  }

  /** True for 127.0.0.0/8 and ::1. */
  public static boolean isLoopback(byte @Nullable [] address) {
    if (address == null) {
      return false;
    }
    if (address.length == 4) {
      return address[0] == 127;
    }
    for (int i = 0; i < 15; i++) {
      if (address[i] != 0) {
        return false;
      }
    }
    return address[15] == 1;
  }

  /** An address from {@link #parse} for logs, or {@code "unknown"} when there is none. */
  public static String display(byte @Nullable [] address) {
    return address == null ? "unknown" : format(address);
  }

  /** The textual form of an address from {@link #parse}, for logs. */
  public static String format(byte[] address) {
    try {
      return InetAddress.getByAddress(address).getHostAddress();
    } catch (UnknownHostException impossible) {
      throw new IllegalArgumentException("not an address of 4 or 16 bytes", impossible);
    }
  }

  static byte @Nullable [] parseV4(String s) {
    long bits = v4(s);
    if (bits < 0) {
      return null;
    }
    return new byte[] {
      (byte) (bits >>> 24), (byte) (bits >>> 16), (byte) (bits >>> 8), (byte) bits
    };
  }

  /** A dotted IPv4 literal as its 32 bits (unsigned), or -1 when it is not one. */
  private static long v4(String s) {
    long bits = 0;
    int part = 0;
    int value = -1;
    int digits = 0;
    for (int i = 0; i <= s.length(); i++) {
      char c = i < s.length() ? s.charAt(i) : '.';
      if (c == '.') {
        if (digits == 0 || part > 3) {
          return -1;
        }
        bits = bits << 8 | value;
        part++;
        value = -1;
        digits = 0;
      } else if (c >= '0' && c <= '9') {
        if (digits > 0 && value == 0) {
          return -1; // leading zero: ambiguous (octal in some parsers)
        }
        value = (value < 0 ? 0 : value * 10) + (c - '0');
        digits++;
        if (value > 255) {
          return -1;
        }
      } else {
        return -1;
      }
    }
    return part == 4 ? bits : -1;
  }

  static byte @Nullable [] parseV6(String text) {
    String s = text;
    int zone = s.indexOf('%');
    if (zone >= 0) {
      if (zone == s.length() - 1) {
        return null;
      }
      s = s.substring(0, zone);
    }
    int gap = s.indexOf("::");
    if (gap >= 0 && s.indexOf("::", gap + 1) >= 0) {
      return null;
    }
    int[] words = new int[8];
    int[] tail = new int[8];
    int headCount;
    int tailCount = 0;
    if (gap < 0) {
      headCount = parseWords(s, words, 0, true);
      if (headCount != 8) {
        return null;
      }
    } else {
      headCount = parseWords(s.substring(0, gap), words, 0, false);
      if (headCount < 0) {
        return null;
      }
      tailCount = parseWords(s.substring(gap + 2), tail, 0, true);
      if (tailCount < 0 || headCount + tailCount > 7) {
        return null;
      }
      System.arraycopy(tail, 0, words, 8 - tailCount, tailCount);
    }
    byte[] out = new byte[16];
    for (int i = 0; i < 8; i++) {
      out[2 * i] = (byte) (words[i] >> 8);
      out[2 * i + 1] = (byte) words[i];
    }
    boolean mapped = true;
    for (int i = 0; i < 10; i++) {
      mapped &= out[i] == 0;
    }
    if (mapped && out[10] == (byte) 0xff && out[11] == (byte) 0xff) {
      return new byte[] {out[12], out[13], out[14], out[15]};
    }
    return out;
  }

  /** Parses colon-separated 16-bit words; the last may be dotted IPv4. Returns the count or -1. */
  private static int parseWords(String s, int[] into, int start, boolean ipv4Allowed) {
    if (s.isEmpty()) {
      return 0;
    }
    int count = start;
    int from = 0;
    while (true) {
      int colon = s.indexOf(':', from);
      String word = colon < 0 ? s.substring(from) : s.substring(from, colon);
      if (colon < 0 && ipv4Allowed && word.indexOf('.') >= 0) {
        byte[] v4 = parseV4(word);
        if (v4 == null || count + 2 > 8) {
          return -1;
        }
        into[count++] = ((v4[0] & 0xff) << 8) | (v4[1] & 0xff);
        into[count++] = ((v4[2] & 0xff) << 8) | (v4[3] & 0xff);
        return count;
      }
      if (word.isEmpty() || word.length() > 4 || count >= 8) {
        return -1;
      }
      int value = 0;
      for (int i = 0; i < word.length(); i++) {
        int d = Character.digit(word.charAt(i), 16);
        if (d < 0) {
          return -1;
        }
        value = value * 16 + d;
      }
      into[count++] = value;
      if (colon < 0) {
        return count;
      }
      from = colon + 1;
    }
  }
}

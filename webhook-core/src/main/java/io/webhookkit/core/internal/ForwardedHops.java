package io.webhookkit.core.internal;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Parses the proxy chain from {@code Forwarded} (RFC 7239) or {@code X-Forwarded-For} with {@code
 * X-Forwarded-Proto}. The result lists hops left to right, as the headers do; callers walk it right
 * to left and only through trusted proxies.
 */
public final class ForwardedHops {
  /** At most this many hops are read; a longer chain is cut at its left (client) end. */
  static final int MAX_HOPS = 64;

  /**
   * One hop: the address a proxy saw the request come from, and the scheme it came in with.
   *
   * @param address the parsed address, or {@code null} when unknown, obfuscated or malformed
   * @param proto {@code http}/{@code https} as sent, or {@code null} when the hop does not say
   */
  public record Hop(byte @Nullable [] address, @Nullable String proto) {}

  private ForwardedHops() {}

  /** Parses the values of all {@code Forwarded} header lines, in order. */
  public static List<Hop> fromForwarded(List<String> headerValues) {
    List<Hop> hops = new ArrayList<>();
    for (String value : headerValues) {
      for (String element : split(value, ',')) {
        byte[] address = null;
        String proto = null;
        boolean sawFor = false;
        for (String pair : split(element, ';')) {
          int eq = pair.indexOf('=');
          if (eq <= 0) {
            continue;
          }
          String name = pair.substring(0, eq).trim();
          String v = unquote(pair.substring(eq + 1).trim());
          if (name.equalsIgnoreCase("for") && !sawFor) {
            sawFor = true;
            address = parseNode(v);
          } else if (name.equalsIgnoreCase("proto") && proto == null) {
            proto = v;
          }
        }
        hops.add(new Hop(address, proto));
      }
    }
    return trim(hops);
  }

  /**
   * Parses {@code X-Forwarded-For} with {@code X-Forwarded-Proto}. Proto values are aligned with
   * hops from the right: each proxy that appends to one appends to the other; a single proto
   * written by the last proxy applies to every hop.
   */
  public static List<Hop> fromXForwarded(List<String> forValues, List<String> protoValues) {
    List<String> fors = new ArrayList<>();
    for (String value : forValues) {
      for (String part : split(value, ',')) {
        fors.add(part.trim());
      }
    }
    List<String> protos = new ArrayList<>();
    for (String value : protoValues) {
      for (String part : split(value, ',')) {
        protos.add(part.trim());
      }
    }
    List<Hop> hops = new ArrayList<>(fors.size());
    int n = fors.size();
    int m = protos.size();
    for (int j = 0; j < n; j++) {
      String proto = m == 0 ? null : protos.get(Math.max(0, m - n + j));
      hops.add(new Hop(parseNode(fors.get(j)), proto));
    }
    return trim(hops);
  }

  /**
   * Parses a node: {@code 192.0.2.1}, {@code 192.0.2.1:80}, {@code [2001:db8::1]:443}, {@code
   * 2001:db8::1}.
   */
  static byte @Nullable [] parseNode(String node) {
    String s = node.trim();
    if (s.isEmpty()) {
      return null;
    }
    if (s.charAt(0) == '[') {
      int close = s.indexOf(']');
      if (close < 0) {
        return null;
      }
      return IpAddresses.parseV6(s.substring(1, close));
    }
    int firstColon = s.indexOf(':');
    if (firstColon >= 0 && firstColon == s.lastIndexOf(':')) {
      s = s.substring(0, firstColon); // IPv4 with a port
    }
    return IpAddresses.parse(s);
  }

  private static List<Hop> trim(List<Hop> hops) {
    return hops.size() <= MAX_HOPS ? hops : hops.subList(hops.size() - MAX_HOPS, hops.size());
  }

  private static String unquote(String v) {
    if (v.length() < 2 || v.charAt(0) != '"' || v.charAt(v.length() - 1) != '"') {
      return v;
    }
    StringBuilder out = new StringBuilder(v.length());
    for (int i = 1; i < v.length() - 1; i++) {
      char c = v.charAt(i);
      if (c == '\\' && i + 1 < v.length() - 1) {
        c = v.charAt(++i);
      }
      out.append(c);
    }
    return out.toString();
  }

  /** Splits on a separator outside double quotes. */
  static List<String> split(String value, char separator) {
    List<String> parts = new ArrayList<>();
    boolean quoted = false;
    int start = 0;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (c == '\\' && quoted) {
        i++;
      } else if (c == separator && !quoted) {
        parts.add(value.substring(start, i));
        start = i + 1;
      }
    }
    parts.add(value.substring(start));
    return parts;
  }
}

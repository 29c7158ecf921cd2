package io.webhookkit.core.signature;

import io.webhookkit.core.internal.Base64s;
import io.webhookkit.core.internal.Hex;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** How a signature's bytes are written in a header. */
public enum SignatureEncoding {
  /** Hexadecimal (either case accepted, lower case produced). */
  HEX,
  /** Standard base64 with padding. */
  BASE64,
  /** URL-safe base64 ({@code -}, {@code _}), padding optional, produced without (Sanity). */
  BASE64URL;

  /** Decodes {@code s[from, to)}; {@code null} when it is not in this encoding. */
  byte @Nullable [] decode(String s, int from, int to) {
    if (this == HEX) {
      return Hex.decode(s, from, to);
    }
    return this == BASE64URL
        ? Base64s.decodeUrl(s.substring(from, to))
        : Base64s.decode(s.substring(from, to));
  }

  /**
   * Decodes {@code s[from, to)} into {@code out[length, 2 * length)} when it is exactly {@code
   * length} bytes in this encoding; allocates nothing.
   */
  boolean decodeInto(String s, int from, int to, byte[] out, int length) {
    return this == HEX
        ? Hex.decodeInto(s, from, to, out, length, length)
        : Base64s.decodeInto(s, from, to, out, length, length, this == BASE64URL);
  }

  /** Encodes bytes. */
  String encode(byte[] bytes) {
    return switch (this) {
      case HEX -> Hex.encode(bytes);
      case BASE64 -> Base64s.encode(bytes);
      case BASE64URL -> Base64s.encodeUrl(bytes);
    };
  }

  /**
   * Parses {@code hex}, {@code base64} or {@code base64url}.
   *
   * @throws IllegalArgumentException for anything else
   */
  public static SignatureEncoding parse(String text) {
    return switch (text.trim().toLowerCase(Locale.ROOT)) {
      case "hex" -> HEX;
      case "base64" -> BASE64;
      case "base64url" -> BASE64URL;
      default ->
          throw new IllegalArgumentException("'" + text + "' is not hex, base64 or base64url");
    };
  }
}

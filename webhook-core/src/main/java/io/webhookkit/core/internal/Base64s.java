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

  /** Encodes bytes as standard base64 with padding. */
  public static String encode(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }
}

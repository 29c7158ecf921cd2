package io.webhookkit.core.signature;

import java.util.Locale;

/** The HMAC hash functions providers use. */
public enum HmacAlgorithm {
  /** HMAC-SHA1 (legacy providers only). */
  SHA1("HmacSHA1", 20),
  /** HMAC-SHA256. */
  SHA256("HmacSHA256", 32),
  /** HMAC-SHA512. */
  SHA512("HmacSHA512", 64);

  private final String jcaName;
  private final int length;

  HmacAlgorithm(String jcaName, int length) {
    this.jcaName = jcaName;
    this.length = length;
  }

  /** The MAC length in bytes. */
  public int length() {
    return length;
  }

  /** The JCA algorithm name. */
  public String jcaName() {
    return jcaName;
  }

  /**
   * Parses {@code sha1}, {@code sha256}, {@code sha512} (also {@code hmac-sha256}, {@code
   * HmacSHA256}, {@code SHA-256}).
   *
   * @throws IllegalArgumentException for anything else
   */
  public static HmacAlgorithm parse(String text) {
    String s = text.trim().toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
    if (s.startsWith("hmac")) {
      s = s.substring(4);
    }
    return switch (s) {
      case "sha1" -> SHA1;
      case "sha256" -> SHA256;
      case "sha512" -> SHA512;
      default -> throw new IllegalArgumentException("'" + text + "' is not sha1, sha256 or sha512");
    };
  }
}

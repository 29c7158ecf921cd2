package io.webhookkit.core.signature;

import io.webhookkit.core.Secret;
import io.webhookkit.core.internal.Base64s;
import io.webhookkit.core.internal.Hex;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** How a configured HMAC secret becomes the key's bytes. */
public enum SecretEncoding {
  /** The secret's UTF-8 bytes (most providers). */
  TEXT,
  /** The secret is base64 of the key (Airtable's {@code macSecretBase64}). */
  BASE64,
  /** The secret is hex of the key (Adyen's HMAC key). */
  HEX;

  /**
   * The key bytes of this secret.
   *
   * @throws IllegalArgumentException naming the secret's label (never its value) when it is not in
   *     this encoding
   */
  byte[] key(Secret secret) {
    String value = secret.reveal().trim();
    byte[] key =
        switch (this) {
          case TEXT -> value.getBytes(StandardCharsets.UTF_8);
          case BASE64 -> Base64s.decode(value);
          case HEX -> value.length() % 2 == 0 ? Hex.decode(value, 0, value.length()) : null;
        };
    if (key == null || key.length == 0) {
      throw new IllegalArgumentException(
          secret.label() + " is not " + name().toLowerCase(Locale.ROOT) + " key bytes");
    }
    return key;
  }
}

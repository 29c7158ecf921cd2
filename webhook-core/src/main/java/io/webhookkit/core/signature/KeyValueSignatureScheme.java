package io.webhookkit.core.signature;

import io.webhookkit.core.Reason;
import io.webhookkit.core.Secret;
import io.webhookkit.core.WebhookRequest;
import io.webhookkit.core.internal.Hex;
import io.webhookkit.core.internal.Macs;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;

/**
 * A header of {@code key=value} pairs holding a timestamp and one or more hex HMAC-SHA256
 * signatures over {@code <timestamp><joiner><body>}: Paddle's {@code Paddle-Signature: ts=…;h1=…}
 * (joiner {@code :}), Calendly's {@code Calendly-Webhook-Signature: t=…,v1=…} (joiner {@code .}).
 * Several signature entries may be present while a secret is rotated; any may match any secret.
 * Immutable and thread-safe.
 */
public final class KeyValueSignatureScheme implements SignatureScheme {
  private final String header;
  private final String headerKey;
  private final char separator;
  private final String timestampKey;
  private final String signatureKey;
  private final String joiner;
  private final List<KeyedMac> keys;

  private KeyValueSignatureScheme(
      String header,
      char separator,
      String timestampKey,
      String signatureKey,
      String joiner,
      List<Secret> secrets) {
    this.header = header;
    this.headerKey = header.toLowerCase(Locale.ROOT);
    this.separator = separator;
    this.timestampKey = timestampKey + "=";
    this.signatureKey = signatureKey + "=";
    this.joiner = joiner;
    List<KeyedMac> k = new ArrayList<>();
    for (Secret secret : secrets) {
      k.add(
          KeyedMac.of(
              secret, secret.reveal().getBytes(StandardCharsets.UTF_8), HmacAlgorithm.SHA256));
    }
    this.keys = List.copyOf(k);
  }

  /**
   * A scheme.
   *
   * @param header the header, e.g. {@code Paddle-Signature}
   * @param separator between pairs, e.g. {@code ;}
   * @param timestampKey the key of the Unix timestamp in seconds, e.g. {@code ts}
   * @param signatureKey the key of each signature, e.g. {@code h1}
   * @param joiner between timestamp and body in the signed content, e.g. {@code :}
   * @param secrets the secrets, each used as its UTF-8 bytes
   */
  public static KeyValueSignatureScheme of(
      String header,
      char separator,
      String timestampKey,
      String signatureKey,
      String joiner,
      List<Secret> secrets) {
    return new KeyValueSignatureScheme(
        header, separator, timestampKey, signatureKey, joiner, secrets);
  }

  @Override
  public SignatureVerdict verify(WebhookRequest request) {
    Optional<String> value = request.header(headerKey);
    if (value.isEmpty()) {
      return SignatureVerdict.failed(
          Reason.SIGNATURE_MISSING, "The request has no " + header + " header.");
    }
    String timestamp = null;
    List<byte[]> signatures = new ArrayList<>(2);
    for (String part : value.get().split(String.valueOf(separator), -1)) {
      String p = part.trim();
      if (timestamp == null && p.startsWith(timestampKey)) {
        timestamp = p.substring(timestampKey.length());
      } else if (p.startsWith(signatureKey)) {
        byte[] sig = Hex.decode(p, signatureKey.length(), p.length());
        if (sig != null && sig.length == 32) {
          signatures.add(sig);
        }
      }
    }
    Instant instant = timestamp == null ? null : Timestamps.seconds(timestamp);
    if (instant == null) {
      return SignatureVerdict.failed(
          Reason.SIGNATURE_INVALID, "The " + header + " header has no valid timestamp.");
    }
    if (signatures.isEmpty()) {
      return SignatureVerdict.failed(
          Reason.SIGNATURE_INVALID, "The " + header + " header has no well-formed signature.");
    }
    byte[] prefix = (timestamp + joiner).getBytes(StandardCharsets.UTF_8);
    for (KeyedMac key : keys) {
      Mac mac = key.macs().get();
      mac.update(prefix);
      mac.update(request.body());
      byte[] expected = mac.doFinal();
      for (byte[] sig : signatures) {
        if (Macs.equal(expected, sig)) {
          return new SignatureVerdict.Verified(key.label(), instant, null);
        }
      }
    }
    return SignatureVerdict.failed(
        Reason.SIGNATURE_INVALID, "No signature in " + header + " matches a configured secret.");
  }

  @Override
  public Map<String, String> sign(SigningInput input, Secret secret) {
    String t = Long.toString(input.requireTimestamp().getEpochSecond());
    Mac mac =
        KeyedMac.of(secret, secret.reveal().getBytes(StandardCharsets.UTF_8), HmacAlgorithm.SHA256)
            .macs()
            .get();
    mac.update((t + joiner).getBytes(StandardCharsets.UTF_8));
    mac.update(input.body());
    return Map.of(header, timestampKey + t + separator + signatureKey + Hex.encode(mac.doFinal()));
  }

  /** The separator, for test senders combining two signatures. */
  public char separator() {
    return separator;
  }

  @Override
  public String toString() {
    return "KeyValueSignatureScheme[" + header + ", " + keys.size() + " secret(s)]";
  }
}

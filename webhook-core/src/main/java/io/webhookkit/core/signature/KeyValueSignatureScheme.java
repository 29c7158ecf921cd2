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
 * A header of {@code key=value} pairs holding a Unix timestamp and one or more hex HMAC-SHA256
 * signatures over {@code <timestamp><joiner><body>}, keyed with the whole secret string: Stripe's
 * {@code Stripe-Signature: t=…,v1=…[,v1=…][,v0=…]} (joiner {@code .}), Calendly's {@code
 * Calendly-Webhook-Signature: t=…,v1=…} (joiner {@code .}) and Paddle's {@code Paddle-Signature:
 * ts=…;h1=…} (joiner {@code :}). The first timestamp entry counts; other keys ({@code v0}, {@code
 * h2}) are ignored; several signature entries appear while a secret is rotated and any may match
 * any configured secret. Verification allocates nothing per request: the timestamp is fed to the
 * MAC from the header, each candidate is decoded into a per-thread scratch buffer and compared in
 * constant time. Immutable and thread-safe.
 *
 * @see <a href="https://docs.stripe.com/webhooks#verify-manually">Stripe: verify signatures
 *     manually</a>
 */
public final class KeyValueSignatureScheme implements SignatureScheme {
  private final String header;
  private final String headerKey;
  private final char separator;
  private final String timestampKey;
  private final String signatureKey;
  private final byte[] joiner;
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
    this.joiner = joiner.getBytes(StandardCharsets.UTF_8);
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
   * @throws IllegalArgumentException when a secret is empty
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

  /** Stripe's: {@code Stripe-Signature: t=…,v1=…} over {@code <t>.<body>}. */
  public static KeyValueSignatureScheme stripe(List<Secret> secrets) {
    return of("Stripe-Signature", ',', "t", "v1", ".", secrets);
  }

  @Override
  public boolean signsTimestamp() {
    return true;
  }

  @Override
  public SignatureVerdict verify(WebhookRequest request) {
    Optional<String> found = request.header(headerKey);
    if (found.isEmpty()) {
      return SignatureVerdict.failed(
          Reason.SIGNATURE_MISSING, "The request has no " + header + " header.");
    }
    String value = found.get();
    // Step 1: the first timestamp entry, and whether any signature entry is there.
    int tFrom = -1;
    int tTo = -1;
    boolean anySignature = false;
    for (int i = 0; i <= value.length(); ) {
      int end = value.indexOf(separator, i);
      end = end < 0 ? value.length() : end;
      int from = skipSpaces(value, i, end);
      if (tFrom < 0 && value.startsWith(timestampKey, from)) {
        tFrom = from + timestampKey.length();
        tTo = trimEnd(value, tFrom, end);
      } else if (value.startsWith(signatureKey, from)) {
        anySignature = true;
      }
      i = end + 1;
    }
    Instant instant = tFrom < 0 ? null : Timestamps.seconds(value, tFrom, tTo);
    if (instant == null) {
      return SignatureVerdict.failed(
          Reason.SIGNATURE_INVALID, "The " + header + " header has no valid timestamp.");
    }
    if (!anySignature) {
      return SignatureVerdict.failed(
          Reason.SIGNATURE_INVALID, "The " + header + " header has no well-formed signature.");
    }
    // Steps 2 and 3: sign "<t><joiner><body>" with each secret, compare each entry.
    byte[] scratch = Macs.scratch(64);
    byte[] body = request.body();
    int from0 = signatureKey.length();
    boolean wellFormed = false;
    for (KeyedMac key : keys) {
      Mac mac = key.macs().get();
      for (int c = tFrom; c < tTo; c++) {
        mac.update((byte) value.charAt(c));
      }
      mac.update(joiner);
      mac.update(body);
      Macs.finish(mac, scratch, 0);
      for (int i = 0; i <= value.length(); ) {
        int end = value.indexOf(separator, i);
        end = end < 0 ? value.length() : end;
        int from = skipSpaces(value, i, end);
        if (value.startsWith(signatureKey, from)
            && Hex.decodeInto(
                value, from + from0, trimEnd(value, from + from0, end), scratch, 32, 32)) {
          wellFormed = true;
          if (Macs.equal(scratch, 0, scratch, 32, 32)) {
            return new SignatureVerdict.Verified(key.label(), instant, null);
          }
        }
        i = end + 1;
      }
      if (!wellFormed) {
        break;
      }
    }
    return SignatureVerdict.failed(
        Reason.SIGNATURE_INVALID,
        wellFormed
            ? "No signature in " + header + " matches a configured secret."
            : "The " + header + " header has no well-formed signature.");
  }

  private static int skipSpaces(String s, int from, int to) {
    while (from < to && s.charAt(from) == ' ') {
      from++;
    }
    return from;
  }

  private static int trimEnd(String s, int from, int to) {
    while (to > from && s.charAt(to - 1) == ' ') {
      to--;
    }
    return to;
  }

  @Override
  public Map<String, String> sign(SigningInput input, Secret secret) {
    String t = Long.toString(input.requireTimestamp().getEpochSecond());
    Mac mac =
        KeyedMac.of(secret, secret.reveal().getBytes(StandardCharsets.UTF_8), HmacAlgorithm.SHA256)
            .macs()
            .get();
    mac.update(t.getBytes(StandardCharsets.US_ASCII));
    mac.update(joiner);
    mac.update(input.body());
    return Map.of(header, timestampKey + t + separator + signatureKey + Hex.encode(mac.doFinal()));
  }

  @Override
  public String toString() {
    return "KeyValueSignatureScheme[" + header + ", " + keys.size() + " secret(s)]";
  }
}

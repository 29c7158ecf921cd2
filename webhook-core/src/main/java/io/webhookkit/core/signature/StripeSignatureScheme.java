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
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;

/**
 * Stripe's scheme: {@code Stripe-Signature: t=<unix seconds>,v1=<hex>[,v1=<hex>][,v0=…]}, where
 * each {@code v1} is HMAC-SHA256 over {@code <t>.<body>} keyed with the whole endpoint secret
 * string ({@code whsec_…}, used as is). Other schemes in the header ({@code v0}) are ignored.
 * Several {@code v1} entries appear while Stripe rolls a secret; any may match any configured
 * secret. Immutable and thread-safe.
 *
 * @see <a href="https://docs.stripe.com/webhooks#verify-manually">Stripe: verify signatures
 *     manually</a>
 */
public final class StripeSignatureScheme implements SignatureScheme {
  /** The header Stripe signs in. */
  public static final String HEADER = "Stripe-Signature";

  private static final byte[] DOT = {'.'};
  private final List<KeyedMac> keys;

  private StripeSignatureScheme(List<KeyedMac> keys) {
    this.keys = keys;
  }

  /**
   * A scheme for these endpoint secrets.
   *
   * @throws IllegalArgumentException when a secret is empty
   */
  public static StripeSignatureScheme of(List<Secret> secrets) {
    List<KeyedMac> keys = new ArrayList<>();
    for (Secret secret : secrets) {
      keys.add(
          KeyedMac.of(
              secret, secret.reveal().getBytes(StandardCharsets.UTF_8), HmacAlgorithm.SHA256));
    }
    return new StripeSignatureScheme(List.copyOf(keys));
  }

  @Override
  public SignatureVerdict verify(WebhookRequest request) {
    Optional<String> header = request.header("stripe-signature");
    if (header.isEmpty()) {
      return SignatureVerdict.failed(
          Reason.SIGNATURE_MISSING, "The request has no Stripe-Signature header.");
    }
    // Step 1: find the timestamp (the first t=) and check the v1 entries are there.
    String value = header.get();
    int tFrom = -1;
    int tTo = -1;
    boolean anyV1 = false;
    for (int i = 0; i <= value.length(); ) {
      int end = value.indexOf(',', i);
      end = end < 0 ? value.length() : end;
      int from = skipSpaces(value, i, end);
      if (tFrom < 0 && value.startsWith("t=", from)) {
        tFrom = from + 2;
        tTo = trimEnd(value, tFrom, end);
      } else if (value.startsWith("v1=", from)) {
        anyV1 = true;
      }
      i = end + 1;
    }
    Instant instant = tFrom < 0 ? null : Timestamps.seconds(value, tFrom, tTo);
    if (instant == null) {
      return SignatureVerdict.failed(
          Reason.SIGNATURE_INVALID, "The Stripe-Signature header has no valid timestamp.");
    }
    if (!anyV1) {
      return SignatureVerdict.failed(
          Reason.SIGNATURE_INVALID, "The Stripe-Signature header has no well-formed v1 signature.");
    }
    // Steps 2 and 3: sign "<t>.<body>" with each secret and compare each v1 in constant time.
    byte[] scratch = Macs.scratch(64);
    byte[] body = request.body();
    boolean wellFormed = false;
    for (KeyedMac key : keys) {
      Mac mac = key.macs().get();
      for (int c = tFrom; c < tTo; c++) {
        mac.update((byte) value.charAt(c));
      }
      mac.update((byte) '.');
      mac.update(body);
      Macs.finish(mac, scratch, 0);
      for (int i = 0; i <= value.length(); ) {
        int end = value.indexOf(',', i);
        end = end < 0 ? value.length() : end;
        int from = skipSpaces(value, i, end);
        if (value.startsWith("v1=", from)
            && Hex.decodeInto(value, from + 3, trimEnd(value, from + 3, end), scratch, 32, 32)) {
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
            ? "No v1 signature in Stripe-Signature matches a configured secret."
            : "The Stripe-Signature header has no well-formed v1 signature.");
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
    mac.update(DOT);
    mac.update(input.body());
    return Map.of(HEADER, "t=" + t + ",v1=" + Hex.encode(mac.doFinal()));
  }

  @Override
  public String toString() {
    return "StripeSignatureScheme[" + keys.size() + " secret(s)]";
  }
}

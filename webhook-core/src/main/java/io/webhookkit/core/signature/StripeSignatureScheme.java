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
    Optional<String> header = request.header(HEADER);
    if (header.isEmpty()) {
      return SignatureVerdict.failed(
          Reason.SIGNATURE_MISSING, "The request has no Stripe-Signature header.");
    }
    // Step 1: extract the timestamp and the v1 signatures from the header.
    String value = header.get();
    String t = null;
    List<byte[]> v1 = new ArrayList<>(2);
    int i = 0;
    while (i <= value.length()) {
      int comma = value.indexOf(',', i);
      int end = comma < 0 ? value.length() : comma;
      int eq = value.indexOf('=', i);
      if (eq > i && eq < end) {
        String key = value.substring(i, eq).trim();
        if (key.equals("t") && t == null) {
          t = value.substring(eq + 1, end).trim();
        } else if (key.equals("v1")) {
          byte[] sig = Hex.decode(value, eq + 1, end);
          if (sig != null && sig.length == 32) {
            v1.add(sig);
          }
        }
      }
      i = end + 1;
    }
    Instant instant = t == null ? null : Timestamps.seconds(t);
    if (t == null || instant == null) {
      return SignatureVerdict.failed(
          Reason.SIGNATURE_INVALID, "The Stripe-Signature header has no valid timestamp.");
    }
    if (v1.isEmpty()) {
      return SignatureVerdict.failed(
          Reason.SIGNATURE_INVALID, "The Stripe-Signature header has no well-formed v1 signature.");
    }
    // Steps 2 and 3: sign "<t>.<body>" with each secret and compare in constant time.
    byte[] tBytes = t.getBytes(StandardCharsets.US_ASCII);
    byte[] body = request.body();
    for (KeyedMac key : keys) {
      Mac mac = key.macs().get();
      mac.update(tBytes);
      mac.update(DOT);
      mac.update(body);
      byte[] expected = mac.doFinal();
      for (byte[] candidate : v1) {
        if (Macs.equal(expected, candidate)) {
          return new SignatureVerdict.Verified(key.label(), instant, null);
        }
      }
    }
    return SignatureVerdict.failed(
        Reason.SIGNATURE_INVALID,
        "No v1 signature in Stripe-Signature matches a configured secret.");
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

package io.webhookkit.core.internal.presets;

import io.webhookkit.core.Reason;
import io.webhookkit.core.Secret;
import io.webhookkit.core.WebhookRequest;
import io.webhookkit.core.internal.FormBody;
import io.webhookkit.core.internal.Hex;
import io.webhookkit.core.internal.Macs;
import io.webhookkit.core.provider.HandshakeAnswer;
import io.webhookkit.core.provider.HandshakeResponder;
import io.webhookkit.core.provider.Locator;
import io.webhookkit.core.provider.Payload;
import io.webhookkit.core.provider.PayloadFormat;
import io.webhookkit.core.provider.Provider;
import io.webhookkit.core.provider.ProviderRules;
import io.webhookkit.core.provider.ProviderSettings;
import io.webhookkit.core.signature.SignatureScheme;
import io.webhookkit.core.signature.SignatureVerdict;
import io.webhookkit.core.signature.SigningInput;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * Braintree webhooks: a form POST of {@code bt_signature} and {@code bt_payload} (base64 XML), the
 * signature {@code <public key>|<hex HMAC-SHA1>} of the payload as received, keyed with the SHA-1
 * of the private key (several pairs may come joined by {@code &}; the one naming the endpoint's
 * public key counts), as braintree_java's {@code WebhookNotificationGateway} checks. {@code
 * secrets} is {@code <public key>:<private key>}. The verification when a webhook is added ({@code
 * GET ?bt_challenge=…}) is answered {@code <public key>|<hex HMAC-SHA1 of the challenge>}, which
 * only the private key's holder can compute. No delivery id in clear: the body's SHA-256.
 *
 * @see <a href="https://developer.paypal.com/braintree/docs/guides/webhooks/parse">Braintree: parse
 *     webhooks</a>
 */
public final class BraintreeProvider implements Provider {
  /** Creates the preset; called by {@link java.util.ServiceLoader}. */
  public BraintreeProvider() {}

  @Override
  public String name() {
    return "braintree";
  }

  private record Pair(String label, String publicKey, byte[] key) {}

  @Override
  public ProviderRules rules(ProviderSettings settings) {
    List<Pair> pairs = new ArrayList<>();
    for (Secret secret : settings.secrets()) {
      String value = secret.reveal().trim();
      int colon = value.indexOf(':');
      if (colon < 1 || colon == value.length() - 1) {
        throw settings.invalid(
            "secrets",
            secret.label() + " must be <public key>:<private key> of the Braintree API key");
      }
      pairs.add(
          new Pair(
              secret.label(),
              value.substring(0, colon),
              sha1(value.substring(colon + 1).getBytes(StandardCharsets.UTF_8))));
    }
    List<Pair> keys = List.copyOf(pairs);
    return ProviderRules.builder()
        .signatureScheme(new PairScheme(keys))
        .payloadFormat(PayloadFormat.FORM)
        .deliveryId(Locator.bodySha256())
        .handshake(challenge(keys))
        .build();
  }

  static byte[] sha1(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-1").digest(bytes);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK has SHA-1", e);
    }
  }

  static byte[] hmacSha1(byte[] key, String text) {
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(key, "HmacSHA1"));
      return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK has HmacSHA1", e);
    }
  }

  private static HandshakeResponder challenge(List<Pair> keys) {
    return new HandshakeResponder() {
      @Override
      public Optional<HandshakeAnswer> answer(WebhookRequest request, Payload payload) {
        if (!request.method().equals("GET")) {
          return Optional.empty();
        }
        return Handshakes.query(request, "bt_challenge")
            .map(
                challenge -> {
                  Pair pair = keys.get(0);
                  String answer =
                      pair.publicKey() + "|" + Hex.encode(hmacSha1(pair.key(), challenge));
                  return new HandshakeAnswer(
                      200,
                      "text/plain",
                      answer.getBytes(StandardCharsets.UTF_8),
                      Map.of("X-Content-Type-Options", "nosniff"));
                });
      }

      @Override
      public boolean requiresSignature() {
        return false; // the answer itself proves the private key
      }
    };
  }

  /** {@code bt_signature} over {@code bt_payload}. Thread-safe. */
  private static final class PairScheme implements SignatureScheme {
    private final List<Pair> keys;

    PairScheme(List<Pair> keys) {
      this.keys = keys;
    }

    @Override
    public boolean coversBody() {
      return false; // bt_payload, not the form's other fields
    }

    @Override
    public SignatureVerdict verify(WebhookRequest request) {
      List<Map.Entry<String, String>> form = FormBody.parse(request.body(), StandardCharsets.UTF_8);
      String signature = form == null ? null : field(form, "bt_signature");
      String payload = form == null ? null : field(form, "bt_payload");
      if (signature == null || payload == null) {
        return SignatureVerdict.failed(
            Reason.SIGNATURE_MISSING, "The form has no bt_signature and bt_payload.");
      }
      byte[] scratch = new byte[20];
      for (String candidate : signature.split("&", -1)) {
        int bar = candidate.indexOf('|');
        if (bar < 1) {
          continue;
        }
        String publicKey = candidate.substring(0, bar);
        String hex = candidate.substring(bar + 1);
        byte[] given = Hex.decode(hex, 0, hex.length());
        for (Pair pair : keys) {
          if (pair.publicKey().equals(publicKey)
              && given != null
              && given.length == scratch.length
              && Macs.equal(hmacSha1(pair.key(), payload), given)) {
            return new SignatureVerdict.Verified(pair.label(), null, null);
          }
        }
      }
      return SignatureVerdict.failed(
          Reason.SIGNATURE_INVALID, "No bt_signature pair matches a configured key.");
    }

    private static @Nullable String field(List<Map.Entry<String, String>> form, String name) {
      for (Map.Entry<String, String> e : form) {
        if (e.getKey().equals(name)) {
          return e.getValue();
        }
      }
      return null;
    }

    @Override
    public Map<String, String> sign(SigningInput input, Secret secret) {
      return Map.of(); // bt_signature is a field of the form body
    }

    @Override
    public String toString() {
      return "BraintreePairs[" + keys.size() + "]";
    }
  }
}

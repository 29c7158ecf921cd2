package io.webhookkit.core.internal.presets;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import io.webhookkit.core.Reason;
import io.webhookkit.core.Secret;
import io.webhookkit.core.WebhookRequest;
import io.webhookkit.core.internal.Macs;
import io.webhookkit.core.provider.Locator;
import io.webhookkit.core.provider.Provider;
import io.webhookkit.core.provider.ProviderRules;
import io.webhookkit.core.provider.ProviderSettings;
import io.webhookkit.core.signature.SignatureScheme;
import io.webhookkit.core.signature.SignatureVerdict;
import io.webhookkit.core.signature.SigningInput;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.text.ParseException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Netlify deploy notifications with a JWS secret token: {@code X-Webhook-Signature} is a compact
 * JWS (HS256, keyed with the token) whose claims are {@code iss: "netlify"} and {@code sha256}: the
 * hex SHA-256 of the body. Only HS256 is accepted; the MAC and the body's digest are compared in
 * constant time (the JDK's HMAC: Netlify's tokens may be shorter than the 256 bits Nimbus demands
 * of HS256 keys). Event type {@code X-Netlify-Event}; no delivery id: the body's SHA-256.
 *
 * @see <a
 *     href="https://docs.netlify.com/site-deploys/deploy-notifications/#payload-signature">Netlify:
 *     deploy notifications, payload signature</a>
 */
public final class NetlifyProvider implements Provider {
  /** Creates the preset; called by {@link java.util.ServiceLoader}. */
  public NetlifyProvider() {}

  @Override
  public String name() {
    return "netlify";
  }

  @Override
  public ProviderRules rules(ProviderSettings settings) {
    return ProviderRules.builder()
        .signatureScheme(new JwsScheme(settings.secrets()))
        .deliveryId(Locator.bodySha256())
        .eventType(Locator.header("X-Netlify-Event"))
        .build();
  }

  /** The JWS of Netlify's payload signature. Thread-safe. */
  static final class JwsScheme implements SignatureScheme {
    private static final String HEADER = "X-Webhook-Signature";
    private final List<Secret> secrets;

    JwsScheme(List<Secret> secrets) {
      this.secrets = List.copyOf(secrets);
    }

    @Override
    public SignatureVerdict verify(WebhookRequest request) {
      Optional<String> value = request.header("x-webhook-signature");
      if (value.isEmpty()) {
        return SignatureVerdict.failed(
            Reason.SIGNATURE_MISSING, "The request has no " + HEADER + " header.");
      }
      JWSObject jws;
      Map<String, Object> claims;
      try {
        jws = JWSObject.parse(value.get().trim());
        claims = jws.getPayload().toJSONObject();
      } catch (ParseException | RuntimeException malformed) {
        return SignatureVerdict.failed(
            Reason.SIGNATURE_INVALID, "The " + HEADER + " header is not a JWS.");
      }
      if (!JWSAlgorithm.HS256.equals(jws.getHeader().getAlgorithm()) || claims == null) {
        return SignatureVerdict.failed(
            Reason.SIGNATURE_INVALID, "The " + HEADER + " JWS is not HS256.");
      }
      byte[] signed = jws.getSigningInput();
      byte[] signature = jws.getSignature().decode();
      for (Secret secret : secrets) {
        if (Macs.equal(hmac(secret, signed), signature)) {
          Object digest = claims.get("sha256");
          if (!"netlify".equals(claims.get("iss"))
              || !(digest instanceof String hex)
              || !Macs.equal(
                  Macs.sha256Hex(request.body()).getBytes(StandardCharsets.US_ASCII),
                  hex.getBytes(StandardCharsets.US_ASCII))) {
            return SignatureVerdict.failed(
                Reason.SIGNATURE_INVALID,
                "The " + HEADER + " JWS is Netlify's but not for this body.");
          }
          return new SignatureVerdict.Verified(secret.label(), null, null);
        }
      }
      return SignatureVerdict.failed(
          Reason.SIGNATURE_INVALID, "The " + HEADER + " JWS matches no configured secret.");
    }

    private static byte[] hmac(Secret secret, byte[] content) {
      try {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.reveal().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return mac.doFinal(content);
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("the JDK has HmacSHA256", e);
      }
    }

    @Override
    public Map<String, String> sign(SigningInput input, Secret secret) {
      String digest = Macs.sha256Hex(input.body());
      JWSObject jws =
          new JWSObject(
              new JWSHeader(JWSAlgorithm.HS256),
              new Payload(Map.of("iss", "netlify", "sha256", digest)));
      String signingInput = new String(jws.getSigningInput(), StandardCharsets.US_ASCII);
      String signature =
          Base64.getUrlEncoder()
              .withoutPadding()
              .encodeToString(hmac(secret, jws.getSigningInput()));
      return Map.of(HEADER, signingInput + "." + signature);
    }

    @Override
    public String toString() {
      return "NetlifyJws[" + secrets.size() + " secret(s)]";
    }
  }
}

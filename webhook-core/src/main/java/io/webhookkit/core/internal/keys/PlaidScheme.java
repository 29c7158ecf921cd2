package io.webhookkit.core.internal.keys;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.webhookkit.core.Reason;
import io.webhookkit.core.Secret;
import io.webhookkit.core.WebhookRequest;
import io.webhookkit.core.internal.Json;
import io.webhookkit.core.internal.Macs;
import io.webhookkit.core.provider.RemoteKeys;
import io.webhookkit.core.signature.SignatureScheme;
import io.webhookkit.core.signature.SignatureVerdict;
import io.webhookkit.core.signature.SigningInput;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Plaid's webhook verification: {@code Plaid-Verification} is a JWT signed ES256 (only) by the key
 * named in its {@code kid}, which is fetched with the application's credentials ({@code POST
 * /webhook_verification_key/get} on the environment's host, {@code production.plaid.com} or {@code
 * sandbox.plaid.com}, body {@code {client_id, secret, key_id}}) and cached; a key Plaid marks
 * {@code expired_at} is refused. The token's {@code iat} must be at most the endpoint's tolerance
 * old (Plaid says five minutes) and not in the future, and its {@code request_body_sha256} must be
 * the hex SHA-256 of the body exactly as received (compared in constant time: Plaid's bodies are
 * pretty-printed, and any re-serialization breaks them). Thread-safe.
 *
 * @see <a href="https://plaid.com/docs/api/webhooks/webhook-verification/">Plaid: webhook
 *     verification</a>
 */
public final class PlaidScheme implements SignatureScheme {
  /** The label a verified delivery reports in place of a secret's. */
  public static final String LABEL = "plaid-key";

  private final String host;
  private final RemoteKeySource<ECKey> keys;
  private final RemoteKeys remoteKeys;
  private final Duration tolerance;
  private final Clock clock;

  /**
   * A scheme for this application.
   *
   * @param environment {@code production} or {@code sandbox}
   * @param clientId the application's Plaid client id
   * @param secret the application's Plaid secret for that environment
   * @param tolerance how old {@code iat} may be
   * @param remoteKeys how keys are fetched
   */
  public PlaidScheme(
      String environment,
      String clientId,
      Secret secret,
      Duration tolerance,
      RemoteKeys remoteKeys) {
    this.host = environment + ".plaid.com";
    this.remoteKeys = remoteKeys;
    this.tolerance = tolerance;
    this.clock = remoteKeys.clock();
    this.keys =
        RemoteKeySource.builder(
                HostPin.exact(host, "/webhook_verification_key/get").allowingQuery(),
                PlaidScheme::parse,
                remoteKeys)
            .maxBytes(8 * 1024)
            .request((url, timeout) -> post(url, timeout, clientId, secret))
            .freshness(Duration.ofHours(1), Duration.ofHours(24), Duration.ofHours(24))
            .build();
  }

  /** The POST Plaid's key endpoint wants: the URL's {@code key_id} moved into a JSON body. */
  private static HttpRequest post(URI url, Duration timeout, String clientId, Secret secret) {
    String query = url.getRawQuery();
    String kid =
        query == null
            ? ""
            : URLDecoder.decode(query.substring(query.indexOf('=') + 1), StandardCharsets.UTF_8);
    Map<String, String> body = new LinkedHashMap<>();
    body.put("client_id", clientId);
    body.put("secret", secret.reveal());
    body.put("key_id", kid);
    return HttpRequest.newBuilder(
            URI.create(url.getScheme() + "://" + url.getRawAuthority() + url.getRawPath()))
        .timeout(timeout)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(Json.object(body)))
        .build();
  }

  private static Map<String, ECKey> parse(byte[] body) throws ParseException {
    Map<String, Object> answer = JSONObjectUtils.parse(new String(body, StandardCharsets.UTF_8));
    Map<String, Object> key = JSONObjectUtils.getJSONObject(answer, "key");
    if (key == null || key.get("expired_at") != null) {
      return Map.of(); // no key, or one Plaid has retired
    }
    JWK jwk = JWK.parse(key);
    if (!(jwk instanceof ECKey ec) || jwk.getKeyID() == null) {
      throw new ParseException("not an EC key with an id", 0);
    }
    return Map.of(jwk.getKeyID(), ec);
  }

  @Override
  public SignatureVerdict verify(WebhookRequest request) {
    Optional<String> header = request.header("plaid-verification");
    if (header.isEmpty()) {
      return SignatureVerdict.failed(
          Reason.SIGNATURE_MISSING, "The request has no Plaid-Verification header.");
    }
    SignedJWT jwt;
    try {
      jwt = SignedJWT.parse(header.get().trim());
    } catch (ParseException | RuntimeException malformed) {
      return SignatureVerdict.failed(
          Reason.SIGNATURE_INVALID, "The Plaid-Verification header is not a signed JWT.");
    }
    String kid = jwt.getHeader().getKeyID();
    if (!JWSAlgorithm.ES256.equals(jwt.getHeader().getAlgorithm())
        || kid == null
        || kid.isEmpty()
        || kid.length() > 128) {
      return SignatureVerdict.failed(
          Reason.SIGNATURE_INVALID, "The Plaid-Verification JWT is not ES256 with a key id.");
    }
    URI url =
        URI.create(
            "https://"
                + host
                + "/webhook_verification_key/get?key_id="
                + URLEncoder.encode(kid, StandardCharsets.UTF_8));
    KeyLookup<ECKey> lookup = keys.key(remoteKeys.resolve(url), kid);
    if (lookup instanceof KeyLookup.Unavailable<ECKey> unavailable) {
      return SignatureVerdict.keyUnavailable(
          "Plaid's verification key could not be fetched; retry later.", unavailable.retryAfter());
    }
    if (!(lookup instanceof KeyLookup.Found<ECKey> found) || !verifies(jwt, found.key())) {
      return SignatureVerdict.failed(
          Reason.SIGNATURE_INVALID, "The Plaid-Verification JWT does not verify with Plaid's key.");
    }
    JWTClaimsSet claims;
    try {
      claims = jwt.getJWTClaimsSet();
    } catch (ParseException malformed) {
      return SignatureVerdict.failed(
          Reason.SIGNATURE_INVALID, "The Plaid-Verification claims are malformed.");
    }
    Date iat = claims.getIssueTime();
    Instant now = clock.instant();
    if (iat == null
        || now.isAfter(iat.toInstant().plus(tolerance))
        || now.isBefore(iat.toInstant().minus(tolerance))) {
      return SignatureVerdict.failed(
          Reason.TIMESTAMP_OUT_OF_TOLERANCE, "The Plaid-Verification JWT is not recent.");
    }
    Object digest = claims.getClaim("request_body_sha256");
    if (!(digest instanceof String hex)
        || !Macs.equal(
            Macs.sha256Hex(request.body()).getBytes(StandardCharsets.US_ASCII),
            hex.getBytes(StandardCharsets.US_ASCII))) {
      return SignatureVerdict.failed(
          Reason.SIGNATURE_INVALID, "The Plaid-Verification JWT is not for this body.");
    }
    return new SignatureVerdict.Verified(LABEL, iat.toInstant(), null);
  }

  private static boolean verifies(SignedJWT jwt, ECKey key) {
    try {
      return jwt.verify(new ECDSAVerifier(key.toECPublicKey()));
    } catch (JOSEException | RuntimeException unusable) {
      return false;
    }
  }

  @Override
  public boolean signsTimestamp() {
    return false; // iat is judged here: Plaid's rule is its age alone
  }

  /**
   * Not possible: Plaid signs with its own keys.
   *
   * @throws IllegalArgumentException always
   */
  @Override
  public Map<String, String> sign(SigningInput input, Secret secret) {
    throw new IllegalArgumentException("Plaid webhooks are signed by Plaid, not with a secret");
  }

  @Override
  public String toString() {
    return "PlaidScheme[" + host + "]";
  }
}

package io.webhookkit.core.internal.keys;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.webhookkit.core.Reason;
import io.webhookkit.core.Secret;
import io.webhookkit.core.WebhookRequest;
import io.webhookkit.core.provider.RemoteKeys;
import io.webhookkit.core.signature.SignatureScheme;
import io.webhookkit.core.signature.SignatureVerdict;
import io.webhookkit.core.signature.SigningInput;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A bearer JSON Web Token in {@code Authorization}, signed by a key of the provider's published key
 * set (JWKS) at a URL the preset fixes: Google's for Pub/Sub push, the tenant's for Entra ID.
 * Checked with Nimbus JOSE+JWT: the header's algorithm must be one the preset allows (never {@code
 * none}, never an HMAC algorithm: the keys are public) and fit the key's type and declared {@code
 * alg}; the key is found by {@code kid} in the key set (fetched by a {@link RemoteKeySource}:
 * cached, one fetch in flight, unknown ids refresh at most once per interval); then the issuer, the
 * audience, {@code exp} (required), {@code nbf} and {@code iat} with the endpoint's tolerance in
 * both directions, and the preset's own claims. An expired or not-yet-valid token is refused as
 * {@link Reason#TIMESTAMP_OUT_OF_TOLERANCE}; no key to be had is {@link Reason#KEY_UNAVAILABLE}.
 * Never throws on untrusted input. Thread-safe.
 */
public final class JwtScheme implements SignatureScheme {
  /** The largest token read: provider tokens are about 1 KB. */
  private static final int MAX_TOKEN = 16 * 1024;

  /** A preset's own check of the verified claims. */
  @FunctionalInterface
  public interface ClaimsCheck {
    /**
     * Why these claims are refused, as a fixed sentence safe to show, or {@code null} to accept.
     */
    @Nullable String refusal(JWTClaimsSet claims);
  }

  private final String label;
  private final URI jwks;
  private final RemoteKeySource<JWK> keys;
  private final Set<JWSAlgorithm> algorithms;
  private final Set<String> issuers;
  private final Set<String> audiences;
  private final ClaimsCheck check;
  private final Duration tolerance;
  private final Clock clock;

  private JwtScheme(Builder b, RemoteKeys remoteKeys) {
    this.label = Objects.requireNonNull(b.label, "label");
    URI url = Objects.requireNonNull(b.jwks, "jwks");
    this.jwks = remoteKeys.resolve(url);
    this.keys =
        RemoteKeySource.builder(
                HostPin.exact(url.getHost(), url.getRawPath()), JwtScheme::parse, remoteKeys)
            .maxBytes(256 * 1024)
            .build();
    this.algorithms = Set.copyOf(b.algorithms);
    for (JWSAlgorithm a : algorithms) {
      if (!JWSAlgorithm.Family.RSA.contains(a) && !JWSAlgorithm.Family.EC.contains(a)) {
        throw new IllegalArgumentException("not a public-key JWS algorithm: " + a);
      }
    }
    this.issuers = Set.copyOf(b.issuers);
    this.audiences = Set.copyOf(b.audiences);
    this.check = b.check;
    this.tolerance = b.tolerance;
    this.clock = remoteKeys.clock();
  }

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** The signing keys of a JWKS answer by {@code kid}; encryption keys and keys without id left. */
  static Map<String, JWK> parse(byte[] body) throws ParseException {
    Map<String, JWK> out = new HashMap<>();
    for (JWK key : JWKSet.parse(new String(body, StandardCharsets.UTF_8)).getKeys()) {
      if (key.getKeyID() != null
          && !key.isPrivate()
          && (key.getKeyUse() == null || KeyUse.SIGNATURE.equals(key.getKeyUse()))) {
        out.putIfAbsent(key.getKeyID(), key);
      }
    }
    return out;
  }

  @Override
  public SignatureVerdict verify(WebhookRequest request) {
    Optional<String> header = request.header("authorization");
    if (header.isEmpty()) {
      return SignatureVerdict.failed(
          Reason.SIGNATURE_MISSING, "The request has no Authorization header.");
    }
    String value = header.get().trim();
    if (!value.regionMatches(true, 0, "Bearer ", 0, 7) || value.length() > MAX_TOKEN) {
      return SignatureVerdict.failed(
          Reason.SIGNATURE_INVALID, "The Authorization header holds no bearer token.");
    }
    SignedJWT jwt;
    try {
      jwt = SignedJWT.parse(value.substring(7).trim());
    } catch (ParseException | RuntimeException notAJws) {
      return SignatureVerdict.failed(
          Reason.SIGNATURE_INVALID, "The bearer token is not a signed JWT.");
    }
    JWSHeader jws = jwt.getHeader();
    if (!algorithms.contains(jws.getAlgorithm()) || jws.getKeyID() == null) {
      return SignatureVerdict.failed(
          Reason.SIGNATURE_INVALID,
          "The bearer token's algorithm is not allowed, or it names no key id.");
    }
    KeyLookup<JWK> lookup = keys.key(jwks, jws.getKeyID());
    if (lookup instanceof KeyLookup.Unavailable<JWK> unavailable) {
      return SignatureVerdict.keyUnavailable(
          "The provider's signing keys could not be fetched; retry later.",
          unavailable.retryAfter());
    }
    if (!(lookup instanceof KeyLookup.Found<JWK> found)) {
      return SignatureVerdict.failed(
          Reason.SIGNATURE_INVALID, "The bearer token's key id is not one of the provider's keys.");
    }
    if (!verifies(jwt, found.key())) {
      return SignatureVerdict.failed(
          Reason.SIGNATURE_INVALID, "The bearer token's signature does not verify.");
    }
    JWTClaimsSet claims;
    try {
      claims = jwt.getJWTClaimsSet();
    } catch (ParseException malformed) {
      return SignatureVerdict.failed(
          Reason.SIGNATURE_INVALID, "The bearer token's claims are malformed.");
    }
    String refused = timeRefusal(claims);
    if (refused != null) {
      return SignatureVerdict.failed(Reason.TIMESTAMP_OUT_OF_TOLERANCE, refused);
    }
    if (claims.getIssuer() == null || !issuers.contains(claims.getIssuer())) {
      return SignatureVerdict.failed(
          Reason.SIGNATURE_INVALID, "The bearer token's issuer is not the provider's.");
    }
    List<String> aud = claims.getAudience();
    if (aud == null || aud.stream().noneMatch(audiences::contains)) {
      return SignatureVerdict.failed(
          Reason.SIGNATURE_INVALID, "The bearer token's audience is not this endpoint's.");
    }
    String own;
    try {
      own = check.refusal(claims);
    } catch (RuntimeException malformed) {
      own = "The bearer token's claims are malformed.";
    }
    if (own != null) {
      return SignatureVerdict.failed(Reason.SIGNATURE_INVALID, own);
    }
    return new SignatureVerdict.Verified(label, null, null);
  }

  private boolean verifies(SignedJWT jwt, JWK key) {
    JWSAlgorithm alg = jwt.getHeader().getAlgorithm();
    if (key.getAlgorithm() != null && !key.getAlgorithm().equals(alg)) {
      return false;
    }
    try {
      JWSVerifier verifier;
      if (key instanceof RSAKey rsa && JWSAlgorithm.Family.RSA.contains(alg)) {
        verifier = new RSASSAVerifier(rsa.toRSAPublicKey());
      } else if (key instanceof ECKey ec && JWSAlgorithm.Family.EC.contains(alg)) {
        verifier = new ECDSAVerifier(ec.toECPublicKey());
      } else {
        return false;
      }
      return jwt.verify(verifier);
    } catch (JOSEException | RuntimeException unusable) {
      return false;
    }
  }

  private @Nullable String timeRefusal(JWTClaimsSet claims) {
    Instant now = clock.instant();
    Date exp = claims.getExpirationTime();
    if (exp == null) {
      return "The bearer token has no expiry.";
    }
    if (now.isAfter(exp.toInstant().plus(tolerance))) {
      return "The bearer token has expired.";
    }
    Date nbf = claims.getNotBeforeTime();
    if (nbf != null && now.isBefore(nbf.toInstant().minus(tolerance))) {
      return "The bearer token is not valid yet.";
    }
    Date iat = claims.getIssueTime();
    if (iat != null && now.isBefore(iat.toInstant().minus(tolerance))) {
      return "The bearer token was issued in the future.";
    }
    return null;
  }

  @Override
  public boolean coversBody() {
    return false; // the token proves the sender, not the body's bytes
  }

  /**
   * Not possible: the provider signs its tokens with its own key.
   *
   * @throws IllegalArgumentException always
   */
  @Override
  public Map<String, String> sign(SigningInput input, Secret secret) {
    throw new IllegalArgumentException("these tokens are signed by the provider, not a secret");
  }

  @Override
  public String toString() {
    return "JwtScheme[" + label + ", " + jwks.getHost() + "]";
  }

  /** Configures the scheme; not thread-safe. */
  public static final class Builder {
    private @Nullable String label;
    private @Nullable URI jwks;
    private Set<JWSAlgorithm> algorithms = Set.of(JWSAlgorithm.RS256);
    private Set<String> issuers = Set.of();
    private Set<String> audiences = Set.of();
    private ClaimsCheck check = claims -> null;
    private Duration tolerance = Duration.ofMinutes(5);

    private Builder() {}

    /** The label a verified request reports in place of a secret's, e.g. {@code google-jwks}. */
    public Builder label(String label) {
      this.label = label;
      return this;
    }

    /** The key set's URL; its host and path are the pin (HTTPS, no query). */
    public Builder jwks(URI jwks) {
      this.jwks = jwks;
      return this;
    }

    /** The algorithms allowed (default RS256); public-key algorithms only. */
    public Builder algorithms(Set<JWSAlgorithm> algorithms) {
      this.algorithms = algorithms;
      return this;
    }

    /** The accepted {@code iss} values. */
    public Builder issuers(Set<String> issuers) {
      this.issuers = issuers;
      return this;
    }

    /** The accepted {@code aud} values: one must be among the token's. */
    public Builder audiences(Set<String> audiences) {
      this.audiences = audiences;
      return this;
    }

    /** The preset's own check of the claims, after issuer, audience and times passed. */
    public Builder check(ClaimsCheck check) {
      this.check = Objects.requireNonNull(check, "check");
      return this;
    }

    /** The clock difference allowed on {@code exp}, {@code nbf} and {@code iat}. */
    public Builder tolerance(Duration tolerance) {
      this.tolerance = Objects.requireNonNull(tolerance, "tolerance");
      return this;
    }

    /** The scheme, fetching its keys as these settings say. */
    public JwtScheme build(RemoteKeys remoteKeys) {
      return new JwtScheme(this, remoteKeys);
    }
  }
}

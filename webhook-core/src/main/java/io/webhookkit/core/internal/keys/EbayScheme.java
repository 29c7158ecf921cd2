package io.webhookkit.core.internal.keys;

import com.nimbusds.jose.util.JSONObjectUtils;
import io.webhookkit.core.Reason;
import io.webhookkit.core.Secret;
import io.webhookkit.core.WebhookRequest;
import io.webhookkit.core.internal.Base64s;
import io.webhookkit.core.provider.RemoteKeys;
import io.webhookkit.core.signature.SignatureScheme;
import io.webhookkit.core.signature.SignatureVerdict;
import io.webhookkit.core.signature.SigningInput;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.text.ParseException;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * eBay's Notification API signature: {@code X-EBAY-SIGNATURE} is base64 JSON {@code {alg, kid,
 * signature, digest}}; the signature is ECDSA (DER, base64) over the body as received, by the key
 * eBay serves for {@code kid} at {@code /commerce/notification/v1/public_key/{kid}} on its API host
 * ({@code api.ebay.com} or {@code api.sandbox.ebay.com}, fixed here). That call needs an
 * application access token, obtained with the client-credentials grant ({@code
 * /identity/v1/oauth2/token}, the application's client id and secret) and cached; the key is cached
 * too. The digest is the one eBay's key answer names ({@code SHA1} or {@code SHA256}), never the
 * header's alone. Thread-safe.
 *
 * @see <a href="https://developer.ebay.com/api-docs/commerce/notification/overview.html">eBay:
 *     Notification API</a>
 */
public final class EbayScheme implements SignatureScheme {
  /** The label a verified delivery reports in place of a secret's. */
  public static final String LABEL = "ebay-key";

  private static final Pattern KID = Pattern.compile("[A-Za-z0-9-]{1,64}");
  private static final String SCOPE = "https://api.ebay.com/oauth/api_scope";

  private record Key(PublicKey key, String digest) {}

  private final String host;
  private final RemoteKeySource<String> tokens;
  private final RemoteKeySource<Key> keys;
  private final RemoteKeys remoteKeys;
  private final URI tokenUrl;

  /**
   * A scheme for this application.
   *
   * @param sandbox whether the application is eBay's sandbox one
   * @param clientId the application's client id (App ID)
   * @param clientSecret the application's client secret (Cert ID)
   * @param remoteKeys how tokens and keys are fetched
   */
  public EbayScheme(boolean sandbox, String clientId, Secret clientSecret, RemoteKeys remoteKeys) {
    this.host = sandbox ? "api.sandbox.ebay.com" : "api.ebay.com";
    this.remoteKeys = remoteKeys;
    this.tokenUrl = remoteKeys.resolve(URI.create("https://" + host + "/identity/v1/oauth2/token"));
    String basic =
        "Basic "
            + Base64.getEncoder()
                .encodeToString(
                    (clientId + ":" + clientSecret.reveal()).getBytes(StandardCharsets.UTF_8));
    this.tokens =
        RemoteKeySource.builder(
                HostPin.exact(host, "/identity/v1/oauth2/token"),
                body -> Map.of("", accessToken(body)),
                remoteKeys)
            .maxBytes(16 * 1024)
            .freshness(Duration.ofMinutes(30), Duration.ofHours(1), Duration.ofHours(1))
            .request(
                (url, timeout) ->
                    HttpRequest.newBuilder(url)
                        .timeout(timeout)
                        .header("Authorization", basic)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(
                            HttpRequest.BodyPublishers.ofString(
                                "grant_type=client_credentials&scope="
                                    + URLEncoder.encode(SCOPE, StandardCharsets.UTF_8)))
                        .build())
            .build();
    this.keys =
        RemoteKeySource.builder(
                HostPin.exact(host, "/commerce/notification/v1/public_key/"),
                body -> Map.of("", key(body)),
                remoteKeys)
            .maxBytes(8 * 1024)
            .freshness(Duration.ofHours(1), Duration.ofHours(1), Duration.ofHours(24))
            .request(
                (url, timeout) ->
                    HttpRequest.newBuilder(url)
                        .timeout(timeout)
                        .header("Authorization", "Bearer " + token())
                        .GET()
                        .build())
            .build();
  }

  private static String accessToken(byte[] body) throws ParseException {
    String token =
        JSONObjectUtils.getString(
            JSONObjectUtils.parse(new String(body, StandardCharsets.UTF_8)), "access_token");
    if (token == null || token.isEmpty()) {
      throw new ParseException("no access_token", 0);
    }
    return token;
  }

  /** The application token, fetched (or cached) now; throws when none can be had. */
  private String token() {
    KeyLookup<String> lookup = tokens.key(tokenUrl, "");
    if (lookup instanceof KeyLookup.Found<String> found) {
      return found.key();
    }
    throw new IllegalStateException("no eBay application token");
  }

  private static Key key(byte[] body) throws ParseException, GeneralSecurityException {
    Map<String, Object> answer = JSONObjectUtils.parse(new String(body, StandardCharsets.UTF_8));
    String pem = JSONObjectUtils.getString(answer, "key");
    String digest = JSONObjectUtils.getString(answer, "digest");
    if (pem == null
        || !"ECDSA".equalsIgnoreCase(JSONObjectUtils.getString(answer, "algorithm"))
        || !("SHA1".equals(digest) || "SHA256".equals(digest))) {
      throw new ParseException("not an ECDSA key with a SHA1 or SHA256 digest", 0);
    }
    byte[] der =
        Base64s.decode(
            pem.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", ""));
    if (der == null) {
      throw new ParseException("not a PEM public key", 0);
    }
    return new Key(
        KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(der)), digest);
  }

  @Override
  public SignatureVerdict verify(WebhookRequest request) {
    Optional<String> header = request.header("x-ebay-signature");
    if (header.isEmpty()) {
      return SignatureVerdict.failed(
          Reason.SIGNATURE_MISSING, "The request has no X-EBAY-SIGNATURE header.");
    }
    String kid;
    byte[] signature;
    try {
      byte[] json = Base64s.decode(header.get().trim());
      Map<String, Object> fields =
          JSONObjectUtils.parse(
              new String(json == null ? new byte[0] : json, StandardCharsets.UTF_8));
      kid = JSONObjectUtils.getString(fields, "kid");
      String sig = JSONObjectUtils.getString(fields, "signature");
      signature = sig == null ? null : Base64s.decode(sig);
    } catch (ParseException | RuntimeException malformed) {
      kid = null;
      signature = null;
    }
    if (kid == null || signature == null || !KID.matcher(kid).matches()) {
      return SignatureVerdict.failed(
          Reason.SIGNATURE_INVALID, "The X-EBAY-SIGNATURE header is not eBay's signature JSON.");
    }
    URI url =
        remoteKeys.resolve(
            URI.create("https://" + host + "/commerce/notification/v1/public_key/" + kid));
    KeyLookup<Key> lookup = keys.key(url, "");
    if (lookup instanceof KeyLookup.Unavailable<Key> unavailable) {
      return SignatureVerdict.keyUnavailable(
          "eBay's public key could not be fetched; retry later.", unavailable.retryAfter());
    }
    if (lookup instanceof KeyLookup.Found<Key> found && verifies(found.key(), signature, request)) {
      return new SignatureVerdict.Verified(LABEL, null, null);
    }
    return SignatureVerdict.failed(
        Reason.SIGNATURE_INVALID, "The X-EBAY-SIGNATURE does not verify with eBay's key.");
  }

  private static boolean verifies(Key key, byte[] signature, WebhookRequest request) {
    try {
      Signature ecdsa = Signature.getInstance(key.digest() + "withECDSA");
      ecdsa.initVerify(key.key());
      ecdsa.update(request.body());
      return ecdsa.verify(signature);
    } catch (GeneralSecurityException | RuntimeException invalid) {
      return false;
    }
  }

  /**
   * Not possible: eBay signs with its own keys.
   *
   * @throws IllegalArgumentException always
   */
  @Override
  public Map<String, String> sign(SigningInput input, Secret secret) {
    throw new IllegalArgumentException("eBay notifications are signed by eBay, not with a secret");
  }

  @Override
  public String toString() {
    return "EbayScheme[" + host + "]";
  }
}

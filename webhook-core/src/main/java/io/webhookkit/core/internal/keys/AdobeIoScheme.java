package io.webhookkit.core.internal.keys;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.webhookkit.core.Reason;
import io.webhookkit.core.Secret;
import io.webhookkit.core.WebhookRequest;
import io.webhookkit.core.internal.Base64s;
import io.webhookkit.core.provider.RemoteKeys;
import io.webhookkit.core.signature.SignatureScheme;
import io.webhookkit.core.signature.SignatureVerdict;
import io.webhookkit.core.signature.SigningInput;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Adobe I/O Events' signature: the raw body signed (SHA256withRSA) twice, in {@code
 * x-adobe-digital-signature-1} and {@code -2}, each by the public key at the relative path in
 * {@code x-adobe-public-key1-path} / {@code -key2-path} on {@code https://static.adobeioevents.com}
 * (the host is fixed here; a path must look like {@code /…/name.pem}: no {@code ..}, escapes,
 * queries or other hosts). Either signature verifying is enough (that is how Adobe rotates keys);
 * keys are cached (at most 24 hours, Adobe's advice). Every event of the body must name the
 * endpoint's {@code client-id} as its {@code recipient_client_id} (or {@code recipientclientid}).
 * Thread-safe.
 *
 * @see <a
 *     href="https://developer.adobe.com/events/docs/guides/sdk/sdk_signature_verification/">Adobe
 *     I/O Events: signature verification</a>
 */
public final class AdobeIoScheme implements SignatureScheme {
  /** The label a verified delivery reports in place of a secret's. */
  public static final String LABEL = "adobe-io-key";

  static final String HOST = "static.adobeioevents.com";
  private static final HostPin PIN = HostPin.exact(HOST, "/");
  private static final Pattern PATH = Pattern.compile("/[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*\\.pem");
  private static final JsonFactory JSON = JsonFactory.builder().build();

  private final String clientId;
  private final RemoteKeySource<PublicKey> keys;
  private final RemoteKeys remoteKeys;

  /**
   * A scheme for this client.
   *
   * @param clientId the Adobe Developer Console project's client id (API key)
   * @param remoteKeys how keys are fetched
   */
  public AdobeIoScheme(String clientId, RemoteKeys remoteKeys) {
    this.clientId = clientId;
    this.remoteKeys = remoteKeys;
    this.keys =
        RemoteKeySource.builder(PIN, AdobeIoScheme::parse, remoteKeys)
            .maxBytes(16 * 1024)
            .freshness(Duration.ofMinutes(1), Duration.ofHours(24), Duration.ofHours(24))
            .build();
  }

  private static Map<String, PublicKey> parse(byte[] pem) throws GeneralSecurityException {
    String text =
        new String(pem, StandardCharsets.US_ASCII)
            .replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "")
            .replaceAll("\\s", "");
    byte[] der = Base64s.decode(text);
    if (der == null) {
      throw new GeneralSecurityException("not a PEM public key");
    }
    return Map.of("", KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der)));
  }

  @Override
  public SignatureVerdict verify(WebhookRequest request) {
    Optional<String> sig1 = request.header("x-adobe-digital-signature-1");
    Optional<String> sig2 = request.header("x-adobe-digital-signature-2");
    Optional<String> path1 = request.header("x-adobe-public-key1-path");
    Optional<String> path2 = request.header("x-adobe-public-key2-path");
    if (sig1.isEmpty() || sig2.isEmpty() || path1.isEmpty() || path2.isEmpty()) {
      return SignatureVerdict.failed(
          Reason.SIGNATURE_MISSING,
          "The request lacks an x-adobe-digital-signature-1/-2 or x-adobe-public-key1/2-path"
              + " header.");
    }
    boolean unavailable = false;
    Duration retryAfter = Duration.ofSeconds(30);
    String[][] pairs = {{sig1.get(), path1.get()}, {sig2.get(), path2.get()}};
    for (String[] pair : pairs) {
      URI url = keyUrl(pair[1]);
      if (url == null) {
        continue;
      }
      KeyLookup<PublicKey> lookup = keys.key(remoteKeys.resolve(url), "");
      if (lookup instanceof KeyLookup.Unavailable<PublicKey> u) {
        unavailable = true;
        retryAfter = u.retryAfter();
      } else if (lookup instanceof KeyLookup.Found<PublicKey> found
          && verifies(found.key(), pair[0], request.body())) {
        return recipientIsThisClient(request.body())
            ? new SignatureVerdict.Verified(LABEL, null, null)
            : SignatureVerdict.failed(
                Reason.SIGNATURE_INVALID,
                "The event's recipient_client_id is not this endpoint's client-id.");
      }
    }
    if (unavailable) {
      return SignatureVerdict.keyUnavailable(
          "Adobe's public key could not be fetched; retry later.", retryAfter);
    }
    return SignatureVerdict.failed(
        Reason.SIGNATURE_INVALID, "Neither Adobe signature verifies with Adobe's keys.");
  }

  private static @Nullable URI keyUrl(String path) {
    String p = path.trim();
    if (!PATH.matcher(p).matches() || p.contains("..")) {
      return null;
    }
    return URI.create("https://" + HOST + p);
  }

  private static boolean verifies(PublicKey key, String signature, byte[] body) {
    byte[] sig = Base64s.decode(signature.trim());
    if (sig == null) {
      return false;
    }
    try {
      Signature rsa = Signature.getInstance("SHA256withRSA");
      rsa.initVerify(key);
      rsa.update(body);
      return rsa.verify(sig);
    } catch (GeneralSecurityException | RuntimeException invalid) {
      return false;
    }
  }

  /** Whether every event (one object, or an array of them) names this client as its recipient. */
  private boolean recipientIsThisClient(byte[] body) {
    try (JsonParser p = JSON.createParser(body)) {
      JsonToken first = p.nextToken();
      if (first == JsonToken.START_OBJECT) {
        return recipientOf(p) && p.nextToken() == null;
      }
      if (first != JsonToken.START_ARRAY) {
        return false;
      }
      boolean any = false;
      for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
        if (t != JsonToken.START_OBJECT || !recipientOf(p)) {
          return false;
        }
        any = true;
      }
      return any;
    } catch (IOException | RuntimeException malformed) {
      return false;
    }
  }

  /** Reads one object (its start consumed) and whether its recipient is this client. */
  private boolean recipientOf(JsonParser p) throws IOException {
    boolean matches = false;
    for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
      String name = p.currentName();
      JsonToken value = p.nextToken();
      if ((name.equals("recipient_client_id") || name.equals("recipientclientid"))
          && value == JsonToken.VALUE_STRING) {
        matches = clientId.equals(p.getText());
      } else {
        p.skipChildren();
      }
    }
    return matches;
  }

  @Override
  public boolean coversBody() {
    return true;
  }

  /**
   * Not possible: Adobe signs with its own keys.
   *
   * @throws IllegalArgumentException always
   */
  @Override
  public Map<String, String> sign(SigningInput input, Secret secret) {
    throw new IllegalArgumentException("Adobe I/O Events are signed by Adobe, not with a secret");
  }

  @Override
  public String toString() {
    return "AdobeIoScheme[" + HOST + "]";
  }
}

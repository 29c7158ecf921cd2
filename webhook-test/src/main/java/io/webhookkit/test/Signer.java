package io.webhookkit.test;

import io.webhookkit.core.EndpointConfig;
import io.webhookkit.core.Secret;
import io.webhookkit.core.signature.SignatureScheme;
import io.webhookkit.core.signature.SigningInput;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Turns a body into the headers a provider would send with it: the signature (with the signed
 * timestamp and id where the provider signs them) and the provider's own id and event-type headers.
 * Signs with the same schemes the kit verifies with; those schemes are proven against the
 * providers' published vectors and official SDKs in webhook-core's tests. Immutable.
 */
public final class Signer {
  private static final String ANY_VALID_SW_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

  private final String provider;
  private final Secret secret;
  private final SignatureScheme scheme;
  private final Map<String, String> providerKeys;
  private final PresetSample.Headers headers;

  private Signer(String provider, String secret, Map<String, String> providerKeys) {
    this.provider = provider;
    this.secret = Secret.of("signer", secret);
    Optional<PresetSample> sample = PresetSamples.find(provider);
    // The keys given, else those a preset's rules cannot be built without (Meta's verify token);
    // a public-url is never assumed: it changes what is signed.
    Map<String, String> keys = new LinkedHashMap<>(providerKeys);
    if (keys.isEmpty()) {
      sample.ifPresent(s -> keys.putAll(s.keys()));
      keys.remove("public-url");
    }
    this.providerKeys = Map.copyOf(keys);
    this.headers = sample.map(PresetSample::headers).orElse(PresetSample.Headers.NONE);
    // An endpoint refuses signing keys (whsk_, private keys: they belong to senders): key the
    // scheme with any valid secret or public key; sign() uses the given one.
    String configured = secret.startsWith("whsk_") ? ANY_VALID_SW_SECRET : secret;
    boolean keyPair = sample.map(s -> s.secret().keyPair()).orElse(false);
    if (keyPair) {
      configured = sample.get().configuredSecret();
    }
    EndpointConfig.Builder b =
        EndpointConfig.builder("signer")
            .provider(provider)
            .secrets(configured)
            .idempotencyEnabled(false);
    this.providerKeys.forEach(b::providerKey);
    this.scheme = b.build().rules().signatureScheme();
  }

  /**
   * A signer for a preset ({@code github}, {@code stripe}, {@code slack}, …). For {@code discord}
   * and {@code sendgrid} the secret is the sender's private key, as the base64 of its PKCS#8
   * encoding.
   */
  public static Signer of(String provider, String secret) {
    return new Signer(provider, secret, Map.of());
  }

  /** A signer for the generic {@code hmac} scheme, configured by the same keys as the endpoint. */
  public static Signer of(String provider, String secret, Map<String, String> providerKeys) {
    return new Signer(provider, secret, providerKeys);
  }

  /** The provider this signer signs for. */
  public String provider() {
    return provider;
  }

  /** The provider-specific keys (for {@code hmac}). */
  public Map<String, String> providerKeys() {
    return providerKeys;
  }

  /**
   * The headers the provider sends with this body.
   *
   * @param body the exact bytes
   * @param id the delivery id (put where the provider puts it when it is a header)
   * @param eventType the event type, for providers that send it in a header
   * @param timestamp the send time, for providers that sign one
   */
  public Map<String, String> sign(
      byte[] body, String id, @Nullable String eventType, Instant timestamp) {
    return sign(body, id, eventType, timestamp, "POST", null);
  }

  /**
   * The headers the provider sends with this body to this URL, for providers that sign the method
   * and URL; a configured {@code public-url} replaces the URL's scheme, host and path.
   *
   * @param body the exact bytes
   * @param id the delivery id (put where the provider puts it when it is a header)
   * @param eventType the event type, for providers that send it in a header
   * @param timestamp the send time, for providers that sign one
   * @param method the HTTP method
   * @param url the full URL the request is sent to, or {@code null} when unknown
   */
  public Map<String, String> sign(
      byte[] body,
      String id,
      @Nullable String eventType,
      Instant timestamp,
      String method,
      @Nullable String url) {
    Objects.requireNonNull(id, "id");
    Map<String, String> headers = new LinkedHashMap<>();
    this.headers.put(headers, id, eventType, providerKeys);
    headers.putAll(
        scheme.sign(new SigningInput(body, id, timestamp, method, signedUrl(url)), secret));
    return headers;
  }

  /** The URL the provider signs: {@code public-url} with the URL's query, else the URL. */
  private @Nullable String signedUrl(@Nullable String url) {
    String publicUrl = providerKeys.get("public-url");
    if (publicUrl == null) {
      return url;
    }
    int q = url == null ? -1 : url.indexOf('?');
    return url == null || q < 0 ? publicUrl : publicUrl + url.substring(q);
  }

  /** The name of the header that carries the signature itself. */
  public String signatureHeader() {
    Map<String, String> sample =
        scheme.sign(
            new SigningInput(new byte[0], "id", Instant.EPOCH, "POST", "https://example.com/"),
            secret);
    String last = null;
    for (String name : sample.keySet()) {
      last = name;
    }
    if (last == null) {
      throw new IllegalStateException(provider + " signs inside the body, not in a header");
    }
    return last;
  }
}

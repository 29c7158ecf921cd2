package io.webhookkit.test;

import io.webhookkit.core.EndpointConfig;
import io.webhookkit.core.Secret;
import io.webhookkit.core.signature.SignatureScheme;
import io.webhookkit.core.signature.SigningInput;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
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

  private Signer(String provider, String secret, Map<String, String> providerKeys) {
    this.provider = provider;
    this.secret = Secret.of("signer", secret);
    this.providerKeys = Map.copyOf(providerKeys);
    EndpointConfig.Builder b =
        EndpointConfig.builder("signer")
            .provider(provider)
            // An endpoint refuses whsk_ signing keys (they belong to senders): key the scheme with
            // any valid secret; sign() uses the given one.
            .secrets(secret.startsWith("whsk_") ? ANY_VALID_SW_SECRET : secret)
            .idempotencyEnabled(false);
    providerKeys.forEach(b::providerKey);
    this.scheme = b.build().rules().signatureScheme();
  }

  /** A signer for a preset ({@code github}, {@code stripe}, {@code slack}, …). */
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
    Objects.requireNonNull(id, "id");
    Map<String, String> headers = new LinkedHashMap<>();
    switch (provider) {
      case "github":
        headers.put("X-GitHub-Delivery", id);
        if (eventType != null) {
          headers.put("X-GitHub-Event", eventType);
        }
        break;
      case "shopify":
        headers.put("X-Shopify-Webhook-Id", id);
        if (eventType != null) {
          headers.put("X-Shopify-Topic", eventType);
        }
        break;
      case "hmac":
        String idHeader = providerKeys.get("id.header");
        if (idHeader != null) {
          headers.put(idHeader, id);
        }
        break;
      default:
        break;
    }
    headers.putAll(scheme.sign(new SigningInput(body, id, timestamp), secret));
    return headers;
  }

  /** The name of the header that carries the signature itself. */
  public String signatureHeader() {
    Map<String, String> sample =
        scheme.sign(new SigningInput(new byte[0], "id", Instant.EPOCH), secret);
    String last = null;
    for (String name : sample.keySet()) {
      last = name;
    }
    return Objects.requireNonNull(last);
  }
}

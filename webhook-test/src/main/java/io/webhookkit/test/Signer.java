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
    // An endpoint refuses signing keys (whsk_, private keys: they belong to senders): key the
    // scheme with any valid secret or public key; sign() uses the given one.
    String configured = secret.startsWith("whsk_") ? ANY_VALID_SW_SECRET : secret;
    if (provider.equals("discord")) {
      configured = ConformanceEndpoints.DISCORD_PUBLIC_KEY;
    } else if (provider.equals("sendgrid")) {
      configured = ConformanceEndpoints.SENDGRID_PUBLIC_KEY;
    }
    EndpointConfig.Builder b =
        EndpointConfig.builder("signer")
            .provider(provider)
            .secrets(configured)
            .idempotencyEnabled(false);
    providerKeys.forEach(b::providerKey);
    if (provider.equals("meta") && !providerKeys.containsKey("verify-token")) {
      b.providerKey("verify-token", "signer");
    }
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
      case "gitlab":
        headers.put("X-Gitlab-Event-UUID", id);
        putIfNotNull(headers, "X-Gitlab-Event", eventType);
        break;
      case "bitbucket":
        headers.put("X-Request-UUID", id);
        putIfNotNull(headers, "X-Event-Key", eventType);
        break;
      case "twilio":
        headers.put("I-Twilio-Idempotency-Token", id);
        break;
      case "zoom":
        headers.put("x-zm-trackingid", id);
        break;
      case "linear":
        headers.put("Linear-Delivery", id);
        putIfNotNull(headers, "Linear-Event", eventType);
        break;
      case "pagerduty":
        headers.put("X-Webhook-Id", id);
        break;
      case "cloudevents":
        headers.put("ce-specversion", "1.0");
        headers.put("ce-id", id);
        headers.put("ce-source", "/webhook-kit/conformance");
        putIfNotNull(headers, "ce-type", eventType);
        break;
      case "azure-event-grid":
        headers.put("aeg-event-type", "Notification");
        break;
      case "twitch":
        headers.put("Twitch-Eventsub-Message-Type", "notification");
        putIfNotNull(headers, "Twitch-Eventsub-Subscription-Type", eventType);
        headers.put("Twitch-Eventsub-Subscription-Version", "1");
        break;
      case "sentry":
        headers.put("Request-ID", id);
        putIfNotNull(headers, "Sentry-Hook-Resource", eventType);
        break;
      case "lemonsqueezy":
        putIfNotNull(headers, "X-Event-Name", eventType);
        break;
      case "razorpay":
        headers.put("x-razorpay-event-id", id);
        break;
      case "jira":
        headers.put("X-Atlassian-Webhook-Identifier", id);
        break;
      case "box":
        headers.put("box-delivery-id", id);
        headers.put("box-signature-version", "1");
        headers.put("box-signature-algorithm", "HmacSHA256");
        break;
      default:
        break;
    }
    headers.putAll(
        scheme.sign(new SigningInput(body, id, timestamp, method, signedUrl(url)), secret));
    return headers;
  }

  private static void putIfNotNull(Map<String, String> headers, String name, @Nullable String v) {
    if (v != null) {
      headers.put(name, v);
    }
  }

  /** The URL the provider signs: {@code public-url} with the URL's query, else the URL. */
  private @Nullable String signedUrl(@Nullable String url) {
    String publicUrl = providerKeys.get("public-url");
    if (publicUrl == null) {
      return url;
    }
    int q = url == null ? -1 : url.indexOf('?');
    return q < 0 ? publicUrl : publicUrl + url.substring(q);
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

package io.webhookkit.test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * What one preset's provider sends, for the test kit: a sample body, its event type and content
 * type, the shape of its delivery ids, the headers it sends beside the signature, the kind of
 * secret it signs with, and the provider keys an endpoint needs. {@link PresetSamples} holds one
 * per preset; {@link TestDelivery}, {@link Signer} and {@link ConformanceEndpoints} read them, so a
 * new preset is one entry there. Immutable.
 *
 * @param preset the preset's name
 * @param contentType the content type the provider sends
 * @param eventType the sample's event type, or {@code null} when the provider names none
 * @param newId makes a fresh delivery id in the provider's shape
 * @param body the sample body, made from the delivery's fields
 * @param headers puts the headers the provider sends besides the signature (its id and type
 *     headers)
 * @param secret the kind of secret the provider signs with
 * @param keys the provider keys an endpoint of this preset is configured with ({@code public-url},
 *     {@code verify-token}, …)
 * @param idFromBody whether the preset sends no delivery id, so that an endpoint sees the body's
 *     SHA-256 ({@code sha256:<hex>}) as the id
 */
public record PresetSample(
    String preset,
    String contentType,
    @Nullable String eventType,
    Supplier<String> newId,
    Body body,
    Headers headers,
    SecretKind secret,
    Map<String, String> keys,
    boolean idFromBody) {

  /** A copy of the keys. */
  public PresetSample {
    Objects.requireNonNull(preset, "preset");
    keys = Map.copyOf(keys);
  }

  /** What a sample body is made from. */
  public record Fields(String id, String eventType, String secret, Instant time) {}

  /** Makes a sample body. */
  @FunctionalInterface
  public interface Body {
    /** The body text. */
    String text(Fields fields);
  }

  /** Puts the headers a provider sends besides the signature. */
  @FunctionalInterface
  public interface Headers {
    /** No headers besides the signature. */
    Headers NONE = (headers, id, type, keys) -> {};

    /**
     * Puts them.
     *
     * @param headers where to put them
     * @param id the delivery id
     * @param type the event type, or {@code null}
     * @param keys the endpoint's provider keys
     */
    void put(
        Map<String, String> headers, String id, @Nullable String type, Map<String, String> keys);
  }

  /** The kind of secret a provider signs with. */
  public enum SecretKind {
    /** A shared text secret (an HMAC key or a token). */
    TEXT,
    /** A Standard Webhooks {@code whsec_} secret: base64 after the prefix. */
    STANDARD_WEBHOOKS,
    /** An Ed25519 key pair: endpoints hold the public key, senders sign with the private one. */
    ED25519,
    /** An Ed25519 key pair whose public key endpoints hold in base64 (Telnyx), likewise. */
    ED25519_BASE64,
    /** An ECDSA P-256 key pair, likewise. */
    P256,
    /** A shared secret configured as the base64 of the key bytes (Airtable). */
    BASE64,
    /** A shared secret configured as the hex of the key bytes (Adyen). */
    HEX,
    /** Two parts joined by a colon: Basic credentials, or Braintree's public and private key. */
    PAIR;

    /** Whether endpoints hold a public key and senders sign with the private one. */
    public boolean keyPair() {
      return this == ED25519 || this == ED25519_BASE64 || this == P256;
    }
  }

  /** The secret a conformance endpoint of this preset is configured with. */
  public String configuredSecret() {
    return switch (secret) {
      case ED25519 -> ConformanceEndpoints.DISCORD_PUBLIC_KEY;
      case ED25519_BASE64 ->
          Base64.getEncoder()
              .encodeToString(HexFormat.of().parseHex(ConformanceEndpoints.DISCORD_PUBLIC_KEY));
      case P256 -> ConformanceEndpoints.SENDGRID_PUBLIC_KEY;
      case BASE64 ->
          Base64.getEncoder()
              .encodeToString(
                  ("conformance-" + preset + "-secret").getBytes(StandardCharsets.UTF_8));
      case HEX ->
          HexFormat.of()
              .formatHex(("conformance-" + preset + "-secret").getBytes(StandardCharsets.UTF_8));
      case PAIR -> "conformance-" + preset + ":secret";
      case STANDARD_WEBHOOKS -> ConformanceEndpoints.STANDARD_WEBHOOKS_SECRET;
      case TEXT -> "conformance-" + preset + "-secret";
    };
  }

  /** The secret a sender to that endpoint signs with (the private key for a key pair). */
  public String signingSecret() {
    return switch (secret) {
      case ED25519, ED25519_BASE64 -> ConformanceEndpoints.DISCORD_SIGNING_KEY;
      case P256 -> ConformanceEndpoints.SENDGRID_SIGNING_KEY;
      default -> configuredSecret();
    };
  }
}

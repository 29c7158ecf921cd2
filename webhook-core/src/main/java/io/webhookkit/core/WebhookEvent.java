package io.webhookkit.core;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A verified webhook delivery, as handlers receive it: which endpoint and provider, the delivery id
 * and event type where the provider gives them, the signed timestamp, which secret matched, the
 * headers and the raw body bytes exactly as received.
 *
 * <p>Immutable, except that {@link #body()} shares the request's array (read-only by contract).
 */
public final class WebhookEvent {
  /** The request attribute (and property) name under which adapters expose the event. */
  public static final String ATTRIBUTE = "io.webhookkit.core.WebhookEvent";

  private final String endpoint;
  private final String provider;
  private final @Nullable String deliveryId;
  private final @Nullable String eventType;
  private final @Nullable Instant timestamp;
  private final String secretLabel;
  private final Headers headers;
  private final byte[] body;
  private final Map<String, String> attributes;

  /**
   * An event; built by the guard only, so that every event a handler sees was verified.
   *
   * @param endpoint the endpoint name
   * @param provider the provider preset name
   * @param deliveryId the delivery id, if the provider gives one
   * @param eventType the event type, if the provider gives one
   * @param timestamp the signed timestamp, if the provider signs one
   * @param secretLabel the label of the secret that verified the signature
   * @param headers the request headers
   * @param body the raw body (shared, not copied)
   * @param attributes provider-specific extras
   */
  WebhookEvent(
      String endpoint,
      String provider,
      @Nullable String deliveryId,
      @Nullable String eventType,
      @Nullable Instant timestamp,
      String secretLabel,
      Headers headers,
      byte[] body,
      Map<String, String> attributes) {
    this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
    this.provider = Objects.requireNonNull(provider, "provider");
    this.deliveryId = deliveryId;
    this.eventType = eventType;
    this.timestamp = timestamp;
    this.secretLabel = Objects.requireNonNull(secretLabel, "secretLabel");
    this.headers = Objects.requireNonNull(headers, "headers");
    this.body = Objects.requireNonNull(body, "body");
    this.attributes = Map.copyOf(attributes);
  }

  /** The endpoint name. */
  public String endpoint() {
    return endpoint;
  }

  /** The provider preset name. */
  public String provider() {
    return provider;
  }

  /** The delivery id, stable across the provider's retries. */
  public Optional<String> deliveryId() {
    return Optional.ofNullable(deliveryId);
  }

  /** {@link #deliveryId} without the {@code Optional}, for the guard. */
  @Nullable String deliveryIdValue() {
    return deliveryId;
  }

  /** The event type, e.g. {@code push} or {@code invoice.paid}. */
  public Optional<String> eventType() {
    return Optional.ofNullable(eventType);
  }

  /** The signed timestamp, for providers that sign one. */
  public Optional<Instant> timestamp() {
    return Optional.ofNullable(timestamp);
  }

  /** The label of the secret that verified the signature, e.g. {@code secrets[1]}. */
  public String secretLabel() {
    return secretLabel;
  }

  /** The request headers. */
  public Headers headers() {
    return headers;
  }

  /** The raw body bytes exactly as received. Shared, not copied: do not modify. */
  public byte[] body() {
    return body;
  }

  /** The body decoded as UTF-8. */
  public String bodyAsString() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** Provider-specific extras, e.g. Slack's {@code retry-num} and {@code retry-reason}. */
  public Map<String, String> attributes() {
    return attributes;
  }

  /** One provider-specific extra. */
  public Optional<String> attribute(String name) {
    return Optional.ofNullable(attributes.get(name));
  }

  @Override
  public String toString() {
    return "WebhookEvent[" + endpoint + "/" + provider + " " + deliveryId + " " + eventType + "]";
  }
}

package io.webhookkit.core.provider;

import io.webhookkit.core.WebhookRequest;
import io.webhookkit.core.internal.JsonScan;
import io.webhookkit.core.signature.SignatureScheme;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * How one endpoint's provider is checked: its signature scheme, its payload format, where the
 * delivery id, event type and extra attributes live, and its handshakes. Built once per endpoint;
 * immutable and thread-safe.
 */
public final class ProviderRules {
  private final SignatureScheme signatureScheme;
  private final PayloadFormat payloadFormat;
  private final List<Locator> deliveryId;
  private final boolean deliveryIdRequired;
  private final List<Locator> eventType;
  private final Map<String, Locator> attributes;
  private final String[] attributeNames;
  private final Locator[] attributeLocators;
  private final List<HandshakeResponder> signedHandshakes;
  private final List<HandshakeResponder> unsignedHandshakes;
  private final JsonScan jsonScan;
  private final @Nullable String publicUrl;

  private ProviderRules(Builder b) {
    this.signatureScheme = Objects.requireNonNull(b.signatureScheme, "signatureScheme");
    this.payloadFormat = b.payloadFormat;
    this.deliveryId = List.copyOf(b.deliveryId);
    this.deliveryIdRequired = b.deliveryIdRequired;
    this.eventType = List.copyOf(b.eventType);
    this.attributes = Collections.unmodifiableMap(new LinkedHashMap<>(b.attributes));
    this.attributeNames = attributes.keySet().toArray(String[]::new);
    this.attributeLocators = attributes.values().toArray(Locator[]::new);
    List<HandshakeResponder> signed = new ArrayList<>();
    List<HandshakeResponder> unsigned = new ArrayList<>();
    Set<String> paths = new HashSet<>();
    for (HandshakeResponder h : b.handshakes) {
      (h.requiresSignature() ? signed : unsigned).add(h);
      paths.addAll(h.jsonPaths());
    }
    this.signedHandshakes = List.copyOf(signed);
    this.unsignedHandshakes = List.copyOf(unsigned);
    for (Locator l : deliveryId) {
      addPath(paths, l);
    }
    for (Locator l : eventType) {
      addPath(paths, l);
    }
    for (Locator l : attributes.values()) {
      addPath(paths, l);
    }
    this.jsonScan = new JsonScan(paths);
    this.publicUrl = b.publicUrl;
  }

  private static void addPath(Set<String> paths, Locator locator) {
    if (locator instanceof Locator.Json json) {
      paths.add(json.path());
    }
  }

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** The signature scheme, keyed with the endpoint's secrets. */
  public SignatureScheme signatureScheme() {
    return signatureScheme;
  }

  /** The public URL the provider calls ({@code public-url}), for schemes that sign it. */
  public Optional<String> publicUrl() {
    return Optional.ofNullable(publicUrl);
  }

  /** The payload format. */
  public PayloadFormat payloadFormat() {
    return payloadFormat;
  }

  /** True when a delivery without an id is malformed (the default when an id locator is set). */
  public boolean deliveryIdRequired() {
    return deliveryIdRequired;
  }

  /** True when the provider puts a delivery id anywhere. */
  public boolean hasDeliveryId() {
    return !deliveryId.isEmpty();
  }

  /** Handshakes asked after the signature verified. */
  public List<HandshakeResponder> signedHandshakes() {
    return signedHandshakes;
  }

  /** Handshakes asked before the signature check (the provider does not sign them). */
  public List<HandshakeResponder> unsignedHandshakes() {
    return unsignedHandshakes;
  }

  /** Parses the request's body for this provider. Never throws. */
  public Payload parse(WebhookRequest request) {
    return Payload.parse(request, payloadFormat, jsonScan);
  }

  /** The delivery id where the provider puts it (first locator that finds one). */
  public Optional<String> deliveryId(WebhookRequest request, Payload payload) {
    return Optional.ofNullable(deliveryIdValue(request, payload));
  }

  /** {@link #deliveryId} without the {@code Optional}: the id, or {@code null}. */
  public @Nullable String deliveryIdValue(WebhookRequest request, Payload payload) {
    return first(deliveryId, request, payload);
  }

  /**
   * The delivery id when the provider puts it in headers only, found without reading the body;
   * empty when it is absent or a locator reads the body.
   */
  public Optional<String> deliveryIdFromHeaders(WebhookRequest request) {
    return Optional.ofNullable(headerDeliveryIdValue(request));
  }

  /** {@link #deliveryIdFromHeaders} without the {@code Optional}: the id, or {@code null}. */
  public @Nullable String headerDeliveryIdValue(WebhookRequest request) {
    for (int k = 0; k < deliveryId.size(); k++) {
      if (!(deliveryId.get(k) instanceof Locator.Header)) {
        return null;
      }
    }
    for (int k = 0; k < deliveryId.size(); k++) {
      String v = request.headerValue(((Locator.Header) deliveryId.get(k)).name());
      if (v != null && !v.isEmpty()) {
        return v;
      }
    }
    return null;
  }

  /** The event type where the provider puts it. */
  public Optional<String> eventType(WebhookRequest request, Payload payload) {
    return Optional.ofNullable(eventTypeValue(request, payload));
  }

  /** {@link #eventType} without the {@code Optional}: the type, or {@code null}. */
  public @Nullable String eventTypeValue(WebhookRequest request, Payload payload) {
    return first(eventType, request, payload);
  }

  /** The provider's extra attributes that are present (e.g. Slack's {@code retry-num}). */
  public Map<String, String> attributes(WebhookRequest request, Payload payload) {
    if (attributeNames.length == 0) {
      return Map.of();
    }
    if (attributeNames.length == 1) {
      String v = value(attributeLocators[0], request, payload);
      return v == null ? Map.of() : Map.of(attributeNames[0], v);
    }
    // a preset has one or two: an immutable map of that size is what the event keeps as it is
    if (attributeNames.length == 2) {
      String v0 = value(attributeLocators[0], request, payload);
      String v1 = value(attributeLocators[1], request, payload);
      if (v0 == null) {
        return v1 == null ? Map.of() : Map.of(attributeNames[1], v1);
      }
      return v1 == null
          ? Map.of(attributeNames[0], v0)
          : Map.of(attributeNames[0], v0, attributeNames[1], v1);
    }
    Map<String, String> out = new HashMap<>();
    for (int k = 0; k < attributeNames.length; k++) {
      String v = value(attributeLocators[k], request, payload);
      if (v != null) {
        out.put(attributeNames[k], v);
      }
    }
    return Map.copyOf(out);
  }

  private static @Nullable String first(
      List<Locator> locators, WebhookRequest request, Payload payload) {
    for (int k = 0; k < locators.size(); k++) { // indexed: no iterator per delivery
      String found = value(locators.get(k), request, payload);
      if (found != null && !found.isEmpty()) {
        return found;
      }
    }
    return null;
  }

  /** What a locator finds, without an {@code Optional} for the kinds every delivery asks. */
  private static @Nullable String value(Locator locator, WebhookRequest request, Payload payload) {
    if (locator instanceof Locator.Header h) {
      return request.headerValue(h.name());
    }
    if (locator instanceof Locator.Json j) {
      return payload.jsonValue(j.path());
    }
    return locator.find(request, payload).orElse(null);
  }

  /** Builds rules; not thread-safe. */
  public static final class Builder {
    private @Nullable SignatureScheme signatureScheme;
    private PayloadFormat payloadFormat = PayloadFormat.JSON;
    private final List<Locator> deliveryId = new ArrayList<>();
    private boolean deliveryIdRequired = true;
    private final List<Locator> eventType = new ArrayList<>();
    private final Map<String, Locator> attributes = new LinkedHashMap<>();
    private final List<HandshakeResponder> handshakes = new ArrayList<>();
    private @Nullable String publicUrl;

    private Builder() {}

    /** The public URL the provider calls, or {@code null} to rebuild it from each request. */
    public Builder publicUrl(@Nullable String url) {
      this.publicUrl = url;
      return this;
    }

    /** The signature scheme. */
    public Builder signatureScheme(SignatureScheme scheme) {
      this.signatureScheme = scheme;
      return this;
    }

    /** The payload format (default JSON). */
    public Builder payloadFormat(PayloadFormat format) {
      this.payloadFormat = format;
      return this;
    }

    /** Where the delivery id is; several are tried in order. */
    public Builder deliveryId(Locator... locators) {
      deliveryId.addAll(List.of(locators));
      return this;
    }

    /** Whether a delivery without an id is malformed (default true). */
    public Builder deliveryIdRequired(boolean required) {
      this.deliveryIdRequired = required;
      return this;
    }

    /** Where the event type is; several are tried in order. */
    public Builder eventType(Locator... locators) {
      eventType.addAll(List.of(locators));
      return this;
    }

    /** An extra attribute exposed on the event. */
    public Builder attribute(String name, Locator locator) {
      attributes.put(name, locator);
      return this;
    }

    /** A handshake the provider uses. */
    public Builder handshake(HandshakeResponder responder) {
      handshakes.add(responder);
      return this;
    }

    /** The rules. */
    public ProviderRules build() {
      return new ProviderRules(this);
    }
  }
}

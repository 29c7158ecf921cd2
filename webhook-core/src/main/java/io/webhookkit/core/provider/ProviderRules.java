package io.webhookkit.core.provider;

import io.webhookkit.core.WebhookRequest;
import io.webhookkit.core.internal.JsonScan;
import io.webhookkit.core.signature.SignatureScheme;
import java.util.ArrayList;
import java.util.Collections;
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
    return first(deliveryId, request, payload);
  }

  /**
   * The delivery id when the provider puts it in headers only, found without reading the body;
   * empty when it is absent or a locator reads the body.
   */
  public Optional<String> deliveryIdFromHeaders(WebhookRequest request) {
    for (Locator l : deliveryId) {
      if (!(l instanceof Locator.Header)) {
        return Optional.empty();
      }
    }
    for (Locator l : deliveryId) {
      Optional<String> v = request.header(((Locator.Header) l).name());
      if (v.isPresent() && !v.get().isEmpty()) {
        return v;
      }
    }
    return Optional.empty();
  }

  /** The event type where the provider puts it. */
  public Optional<String> eventType(WebhookRequest request, Payload payload) {
    return first(eventType, request, payload);
  }

  /** The provider's extra attributes that are present (e.g. Slack's {@code retry-num}). */
  public Map<String, String> attributes(WebhookRequest request, Payload payload) {
    if (attributes.isEmpty()) {
      return Map.of();
    }
    Map<String, String> out = new LinkedHashMap<>();
    attributes.forEach(
        (name, locator) -> locator.find(request, payload).ifPresent(v -> out.put(name, v)));
    return out;
  }

  private static Optional<String> first(
      List<Locator> locators, WebhookRequest request, Payload payload) {
    for (Locator locator : locators) {
      Optional<String> found = locator.find(request, payload);
      if (found.isPresent() && !found.get().isEmpty()) {
        return found;
      }
    }
    return Optional.empty();
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

package io.webhookkit.core;

import io.webhookkit.core.signature.SigningInput;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One valid signed delivery for a provider, and methods that break exactly one thing. Signs with
 * the provider's own scheme; the known-answer and SDK tests prove that scheme against the
 * providers' vectors independently.
 */
final class Delivery {
  static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
  static final String SECRET = "It's a Secret to Everybody";
  static final String SW_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
  static final String OTHER_SW_SECRET =
      "whsec_"
          + java.util.Base64.getEncoder()
              .encodeToString("another secret, 24 bytes".getBytes(StandardCharsets.UTF_8));
  static final String STRIPE_SECRET = "whsec_test_secret_0123456789";

  final String provider;
  String secret;
  byte[] body;
  String id;
  Instant timestamp = NOW;
  String contentType = "application/json";
  String remoteAddress = "127.0.0.1";
  boolean secure = false;
  final Map<String, String> providerHeaders = new LinkedHashMap<>();
  final Map<String, String> extraHeaders = new LinkedHashMap<>();
  final List<String> removedHeaders = new ArrayList<>();
  boolean tamper;

  private Delivery(String provider, String secret, String body, String id) {
    this.provider = provider;
    this.secret = secret;
    this.body = body.getBytes(StandardCharsets.UTF_8);
    this.id = id;
  }

  static Delivery github() {
    Delivery d =
        new Delivery(
            "github",
            SECRET,
            "{\"action\":\"opened\",\"number\":1}",
            "72d3162e-cc78-11e3-81ab-4c9367dc0958");
    d.providerHeaders.put("X-GitHub-Event", "pull_request");
    return d;
  }

  static Delivery stripe() {
    return new Delivery(
        "stripe",
        STRIPE_SECRET,
        "{\"id\":\"evt_1NG8Du2eZvKYlo2CUI79vXWy\",\"object\":\"event\",\"type\":\"invoice.paid\"}",
        "evt_1NG8Du2eZvKYlo2CUI79vXWy");
  }

  static Delivery slack() {
    return new Delivery(
        "slack",
        "8f742231b10e8888abcd99yyyzzz85a5",
        "{\"type\":\"event_callback\",\"event_id\":\"Ev08MFMKH6\",\"event\":{\"type\":\"app_mention\"}}",
        "Ev08MFMKH6");
  }

  static Delivery slackCommand() {
    Delivery d =
        new Delivery(
            "slack",
            "8f742231b10e8888abcd99yyyzzz85a5",
            "token=x&team_id=T1&command=%2Fweather&text=94070&trigger_id=13345224609.738474920.8088930838d88f008e0",
            "13345224609.738474920.8088930838d88f008e0");
    d.contentType = "application/x-www-form-urlencoded";
    return d;
  }

  static Delivery standardWebhooks() {
    return new Delivery(
        "standard-webhooks",
        SW_SECRET,
        "{\"type\":\"user.created\",\"timestamp\":\"2026-11-26T12:00:00Z\",\"data\":{}}",
        "msg_p5jXN8AQM9LWM0D4loKWxJek");
  }

  static Delivery svix() {
    Delivery d = standardWebhooks();
    return new Delivery("svix", d.secret, new String(d.body, StandardCharsets.UTF_8), d.id);
  }

  static Delivery shopify() {
    Delivery d =
        new Delivery(
            "shopify",
            "shopify-client-secret",
            "{\"id\":820982911946154508}",
            "b54557e4-bdd9-4b37-8a5f-bf7d70bcd043");
    d.providerHeaders.put("X-Shopify-Topic", "orders/create");
    return d;
  }

  Delivery withBody(String text) {
    this.body = text.getBytes(StandardCharsets.UTF_8);
    return this;
  }

  Delivery withBody(byte[] bytes) {
    this.body = bytes;
    return this;
  }

  Delivery withId(String newId) {
    this.id = newId;
    return this;
  }

  /** Signs the original body, then sends it with one byte changed. */
  Delivery withTamperedBody() {
    this.tamper = true;
    return this;
  }

  Delivery withWrongSecret() {
    boolean base64Secret = provider.equals("standard-webhooks") || provider.equals("svix");
    this.secret = base64Secret ? OTHER_SW_SECRET : secret + "-wrong";
    return this;
  }

  Delivery signedWith(String otherSecret) {
    this.secret = otherSecret;
    return this;
  }

  Delivery withTimestamp(Instant t) {
    this.timestamp = t;
    return this;
  }

  Delivery withStaleTimestamp() {
    return withTimestamp(NOW.minus(Duration.ofMinutes(5)).minusSeconds(1));
  }

  Delivery withFutureTimestamp() {
    return withTimestamp(NOW.plus(Duration.ofMinutes(5)).plusSeconds(1));
  }

  Delivery withoutHeader(String name) {
    removedHeaders.add(name);
    return this;
  }

  Delivery withHeader(String name, String value) {
    extraHeaders.put(name, value);
    return this;
  }

  Delivery from(String address) {
    this.remoteAddress = address;
    return this;
  }

  Delivery overTls() {
    this.secure = true;
    return this;
  }

  Delivery contentType(String type) {
    this.contentType = type;
    return this;
  }

  /** The headers the provider would send for this delivery. */
  Map<String, String> signedHeaders() {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", contentType);
    switch (provider) {
      case "github":
        headers.put("X-GitHub-Delivery", id);
        break;
      case "shopify":
        headers.put("X-Shopify-Webhook-Id", id);
        break;
      default:
        break;
    }
    headers.putAll(providerHeaders);
    // A whsk_ signing key is refused by an endpoint (it belongs to the sender): key the signer's
    // endpoint with any valid secret and sign with the given one.
    boolean signingKey = secret.startsWith("whsk_");
    EndpointConfig signer =
        EndpointConfig.builder("signer")
            .provider(provider)
            .secrets(signingKey ? SW_SECRET : secret)
            .idempotencyEnabled(false)
            .build();
    headers.putAll(
        signer
            .rules()
            .signatureScheme()
            .sign(new SigningInput(body, id, timestamp), Secret.of("signer", secret)));
    return headers;
  }

  WebhookRequest request() {
    Map<String, String> headers = signedHeaders();
    headers.putAll(extraHeaders);
    byte[] sent = body;
    if (tamper) {
      sent = body.clone();
      sent[sent.length / 2] ^= 0x01;
    }
    WebhookRequest.Builder b =
        WebhookRequest.builder()
            .method("POST")
            .path("/webhooks/" + provider)
            .remoteAddress(remoteAddress)
            .secure(secure)
            .body(sent);
    headers.forEach(
        (name, value) -> {
          if (removedHeaders.stream().noneMatch(name::equalsIgnoreCase)) {
            b.header(name, value);
          }
        });
    return b.build();
  }
}

package io.webhookkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.webhookkit.core.provider.Provider;
import io.webhookkit.core.provider.Providers;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.NamedParameterSpec;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * The provider catalogue through the whole guard. Where a provider publishes a vector (Twilio's and
 * SendGrid's SDK tests) it is used as published; otherwise the expected signature is computed here,
 * independently of the kit's schemes, from the algorithm in the provider's signing documentation
 * linked from each preset's Javadoc ("computed vector").
 */
class ProviderCatalogueTest {
  private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");
  private static final String SECRET = "catalogue-secret";

  private static WebhookGuard guard(String provider, String secret, Map<String, String> keys) {
    return guard(provider, secret, keys, NOW);
  }

  private static WebhookGuard guard(
      String provider, String secret, Map<String, String> keys, Instant now) {
    EndpointConfig.Builder b = EndpointConfig.builder(provider).provider(provider).secrets(secret);
    keys.forEach(b::providerKey);
    return WebhookGuard.builder(b.build()).clock(Clock.fixed(now, ZoneOffset.UTC)).build();
  }

  /** A request from loopback with this method and nothing else. */
  private static WebhookRequest.Builder request(String method) {
    return WebhookRequest.builder().method(method).remoteAddress("127.0.0.1");
  }

  /** A GET from loopback with this raw query, as the handshakes of Meta, X and Dropbox come. */
  private static WebhookRequest.Builder get(String query) {
    return request("GET").query(query);
  }

  private static WebhookRequest.Builder post(String body) {
    return WebhookRequest.builder()
        .remoteAddress("127.0.0.1")
        .header("Host", "127.0.0.1:8080")
        .header("Content-Type", "application/json")
        .body(body.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] mac(String algorithm, byte[] key, String content) {
    try {
      Mac mac = Mac.getInstance(algorithm);
      mac.init(new SecretKeySpec(key, algorithm));
      return mac.doFinal(content.getBytes(StandardCharsets.UTF_8));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static String hex256(String key, String content) {
    return HexFormat.of()
        .formatHex(mac("HmacSHA256", key.getBytes(StandardCharsets.UTF_8), content));
  }

  private static String b64256(String key, String content) {
    return Base64.getEncoder()
        .encodeToString(mac("HmacSHA256", key.getBytes(StandardCharsets.UTF_8), content));
  }

  private static WebhookEvent proceeds(WebhookGuard guard, WebhookRequest request) {
    Decision d = guard.inspect(request);
    assertThat(d)
        .as(
            () ->
                d instanceof Decision.Respond
                    ? String.valueOf(((Decision.Respond) d).reason())
                    : "")
        .isInstanceOf(Decision.Proceed.class);
    return ((Decision.Proceed) d).event();
  }

  private static Decision.Respond responds(WebhookGuard guard, WebhookRequest request) {
    Decision d = guard.inspect(request);
    assertThat(d).isInstanceOf(Decision.Respond.class);
    return (Decision.Respond) d;
  }

  private static void refused(WebhookGuard guard, WebhookRequest request, Reason reason) {
    assertThat(responds(guard, request).reason()).isEqualTo(reason);
  }

  private static String text(Decision.Respond r) {
    return new String(r.body(), StandardCharsets.UTF_8);
  }

  /** A guard for every preset of the catalogue, with the keys it needs (for the fuzz tests too). */
  static java.util.List<WebhookGuard> catalogueGuards(Clock clock) {
    java.util.List<WebhookGuard> guards = new java.util.ArrayList<>();
    for (String provider : Providers.names()) {
      String secret =
          switch (provider) {
            case "discord" -> "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";
            case "sendgrid" ->
                "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE83T4O/n84iotIvIW4mdBgQ/7dAfSmpqIM8kF9mN1flpVKS3GRqe62gw+2fNNRaINXvVpiglSI8eNEc6wEA3F+g==";
            case "standard-webhooks", "svix", "resend", "clerk" ->
                "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
            default -> SECRET;
          };
      EndpointConfig.Builder b =
          EndpointConfig.builder(provider)
              .provider(provider)
              .secrets(secret)
              .trustedProxies(java.util.List.of("127.0.0.0/8", "::1/128"));
      switch (provider) {
        case "meta" -> b.providerKey("verify-token", "vt");
        case "hmac" -> b.providerKey("signature.header", "X-Sig").idempotencyEnabled(false);
        default -> {}
      }
      guards.add(WebhookGuard.builder(b.build()).clock(clock).build());
    }
    return guards;
  }

  /**
   * Every preset answers hostile requests (any method, malformed queries, escapes, headers and
   * bodies, from a seeded generator) with a decision, never with an internal error.
   */
  @Test
  void everyPresetAnswersHostileRequestsWithoutADefect() {
    java.util.Random random = new java.util.Random(20261129L);
    String[] methods = {"POST", "GET", "HEAD", "OPTIONS"};
    String[] queries = {
      null,
      "",
      "%",
      "%zz",
      "a=%E0%A4%A",
      "crc_token=",
      "challenge=" + "x".repeat(5000),
      "hub.mode=subscribe&hub.verify_token=vt&hub.challenge=%00%0d%0a",
      "validationToken=%FF",
      "code=" + SECRET,
      "access_token=",
      "bodySHA256=zz",
      "&&==&"
    };
    String[] values = {
      "",
      " ",
      "v1=",
      "v1,",
      "t=,v1=",
      "ts=;h1=",
      "sha256=",
      "v0=zz",
      "Bearer",
      "Bearer ",
      "999999999999999999999",
      "-1",
      "\u0000",
      "é",
      "x".repeat(3000),
      "{\"type\":1}",
      "SubscriptionValidation",
      "https",
      "example.com:99999",
      "[::1]"
    };
    String[] bodies = {
      "",
      "{",
      "[",
      "{}",
      "[]",
      "null",
      "1",
      "\"x\"",
      "{\"type\":1}",
      "{\"value\":[{}]}",
      "[{\"eventType\":\"Microsoft.EventGrid.SubscriptionValidationEvent\",\"data\":{}}]",
      "{\"event\":\"endpoint.url_validation\",\"payload\":{\"plainToken\":1}}",
      "{\"signature\":{\"timestamp\":\"x\",\"token\":{},\"signature\":[]}}",
      "a=%zz&b",
      "[".repeat(5000),
      "{\"webhookTimestamp\":\"soon\"}"
    };
    java.util.List<String> headerNames = new java.util.ArrayList<>();
    for (String n : FuzzTest.headerNames()) {
      headerNames.add(n);
    }
    for (WebhookGuard guard : catalogueGuards(Clock.fixed(NOW, ZoneOffset.UTC))) {
      for (int i = 0; i < 300; i++) {
        WebhookRequest.Builder b =
            WebhookRequest.builder()
                .method(methods[random.nextInt(methods.length)])
                .query(queries[random.nextInt(queries.length)])
                .remoteAddress(random.nextBoolean() ? "127.0.0.1" : "not an address")
                .secure(random.nextBoolean())
                .body(bodies[random.nextInt(bodies.length)].getBytes(StandardCharsets.UTF_8));
        int headers = random.nextInt(6);
        for (int h = 0; h < headers; h++) {
          b.header(
              headerNames.get(random.nextInt(headerNames.size())),
              values[random.nextInt(values.length)]);
        }
        WebhookRequest request = b.build();
        Decision decision = guard.inspect(request);
        if (decision instanceof Decision.Respond respond) {
          assertThat(respond.reason())
              .as(guard.config().name() + " " + request)
              .isNotEqualTo(Reason.INTERNAL_ERROR);
        } else {
          ((Decision.Proceed) decision).ticket().settle(200);
        }
      }
    }
  }

  /**
   * Every preset class the services file lists is loaded, under its own name: these tests run on
   * the module path, where {@code module-info}'s {@code provides} decides, so a preset missing
   * there (or a duplicate name) shows as a different count. Which presets exist is webhook-test's
   * {@code ConformanceEndpoints} list, checked against this registry there.
   */
  @Test
  void everyPresetTheServicesFileListsIsRegisteredOnce() throws Exception {
    java.util.List<String> listed;
    try (java.io.InputStream in =
        Provider.class
            .getClassLoader()
            .getResourceAsStream("META-INF/services/io.webhookkit.core.provider.Provider")) {
      assertThat(in).isNotNull();
      listed =
          new String(in.readAllBytes(), StandardCharsets.UTF_8)
              .lines()
              .map(String::trim)
              .filter(l -> !l.isEmpty() && !l.startsWith("#"))
              .toList();
    }
    assertThat(Providers.names()).hasSize(listed.size());
  }

  /**
   * Twilio's own SDK test vectors: twilio-java {@code RequestValidatorTest} (auth token 12345, URL
   * https://mycompany.com/myapp.php?foo=1&bar=2, five form parameters), including the port rules.
   */
  @Test
  void twilioSdkVectorsVerify() {
    String form =
        "Digits=1234&CallSid=CA1234567890ABCDE&To=%2B18005551212&Caller=%2B14158675309&From=%2B14158675309";
    Map<String, String> noKeys = Map.of();
    WebhookGuard fromRequest = guard("twilio", "12345", noKeys);
    WebhookRequest.Builder base =
        WebhookRequest.builder()
            .remoteAddress("127.0.0.1")
            .secure(true)
            .path("/myapp.php")
            .query("foo=1&bar=2")
            .header("Content-Type", "application/x-www-form-urlencoded")
            .body(form.getBytes(StandardCharsets.UTF_8));

    proceeds(
        fromRequest,
        base.header("Host", "mycompany.com")
            .header("X-Twilio-Signature", "RSOYDt4T1cUTdK1PDd93/VVr8B8=")
            .build());
    // "testValidateRemovesPortHttps": called on :1234, signed without the port (a new endpoint:
    // the same body is the same delivery to the first one).
    proceeds(
        guard("twilio", "12345", noKeys),
        WebhookRequest.builder()
            .remoteAddress("127.0.0.1")
            .secure(true)
            .path("/myapp.php")
            .query("foo=1&bar=2")
            .header("Host", "mycompany.com:1234")
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("X-Twilio-Signature", "RSOYDt4T1cUTdK1PDd93/VVr8B8=")
            .body(form.getBytes(StandardCharsets.UTF_8))
            .build());
    // "testValidateAddsPortHttps": signed with :443 added.
    WebhookGuard configured =
        guard("twilio", "12345", Map.of("public-url", "https://mycompany.com/myapp.php"));
    proceeds(
        configured,
        WebhookRequest.builder()
            .remoteAddress("127.0.0.1")
            .query("foo=1&bar=2")
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("X-Twilio-Signature", "kvajT1Ptam85bY51eRf/AJRuM3w=")
            .body(form.getBytes(StandardCharsets.UTF_8))
            .build());
    // "testValidateWithBody": a JSON body signed through bodySHA256.
    String json = "{\"property\": \"value\", \"boolean\": true}";
    proceeds(
        configured,
        WebhookRequest.builder()
            .remoteAddress("127.0.0.1")
            .query(
                "foo=1&bar=2&bodySHA256=0a1ff7634d9ab3b95db5c9a2dfe9416e41502b283a80c7cf19632632f96e6620")
            .header("Content-Type", "application/json")
            .header("I-Twilio-Idempotency-Token", "tw-1")
            .header("X-Twilio-Signature", "a9nBmqA0ju/hNViExpshrM61xv4=")
            .body(json.getBytes(StandardCharsets.UTF_8))
            .build());
    // "testFailsWhenIncorrect" and a changed parameter.
    refused(
        configured,
        WebhookRequest.builder()
            .remoteAddress("127.0.0.1")
            .query("foo=1&bar=2")
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("X-Twilio-Signature", "RSOYDt4T1cUTdK1PDd93/VVr8B8=")
            .body(form.replace("1234&", "1235&").getBytes(StandardCharsets.UTF_8))
            .build(),
        Reason.SIGNATURE_INVALID);
    // A JSON body that does not match its bodySHA256.
    refused(
        configured,
        WebhookRequest.builder()
            .remoteAddress("127.0.0.1")
            .query(
                "foo=1&bar=2&bodySHA256=0a1ff7634d9ab3b95db5c9a2dfe9416e41502b283a80c7cf19632632f96e6620")
            .header("Content-Type", "application/json")
            .header("X-Twilio-Signature", "a9nBmqA0ju/hNViExpshrM61xv4=")
            .body(json.replace("value", "valuE").getBytes(StandardCharsets.UTF_8))
            .build(),
        Reason.SIGNATURE_INVALID);
  }

  @Test
  void twilioBelievesForwardedHostAndProtoOnlyFromTrustedProxies() {
    String form =
        "Digits=1234&CallSid=CA1234567890ABCDE&To=%2B18005551212&Caller=%2B14158675309&From=%2B14158675309";
    EndpointConfig trusting =
        EndpointConfig.builder("twilio")
            .provider("twilio")
            .secrets("12345")
            .trustedProxies(java.util.List.of("10.0.0.0/8"))
            .build();
    WebhookRequest.Builder behindProxy =
        WebhookRequest.builder()
            .remoteAddress("10.1.2.3")
            .path("/myapp.php")
            .query("foo=1&bar=2")
            .header("Host", "app.internal:8080")
            .header("X-Forwarded-Proto", "https")
            .header("X-Forwarded-Host", "mycompany.com")
            .header("X-Forwarded-For", "127.0.0.1")
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("X-Twilio-Signature", "RSOYDt4T1cUTdK1PDd93/VVr8B8=")
            .body(form.getBytes(StandardCharsets.UTF_8));

    proceeds(WebhookGuard.of(trusting), behindProxy.build());
    EndpointConfig notTrusting =
        EndpointConfig.builder("twilio").provider("twilio").secrets("12345").build();
    refused(
        WebhookGuard.of(notTrusting),
        WebhookRequest.builder()
            .remoteAddress("127.0.0.1")
            .path("/myapp.php")
            .query("foo=1&bar=2")
            .header("Host", "app.internal:8080")
            .header("X-Forwarded-Proto", "https")
            .header("X-Forwarded-Host", "mycompany.com")
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("X-Twilio-Signature", "RSOYDt4T1cUTdK1PDd93/VVr8B8=")
            .body(form.getBytes(StandardCharsets.UTF_8))
            .build(),
        Reason.SIGNATURE_INVALID);
  }

  /**
   * SendGrid's own SDK test vector: sendgrid-java {@code EventWebhookTest} (public key, signature,
   * timestamp 1600112502, the one-event payload serialized by Jackson plus CRLF).
   */
  @Test
  void sendgridSdkVectorVerifiesWithTheJdkAlone() {
    String payload =
        "[{\"email\":\"hello@world.com\",\"event\":\"dropped\",\"reason\":\"Bounced Address\","
            + "\"sg_event_id\":\"ZHJvcC0xMDk5NDkxOS1MUnpYbF9OSFN0T0doUTRrb2ZTbV9BLTA\","
            + "\"sg_message_id\":\"LRzXl_NHStOGhQ4kofSm_A.filterdrecv-p3mdw1-756b745b58-kmzbl-18-5F5FC76C-9.0\","
            + "\"smtp-id\":\"<LRzXl_NHStOGhQ4kofSm_A@ismtpd0039p1iad1.sendgrid.net>\",\"timestamp\":1600112492}]\r\n";
    String publicKey =
        "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE83T4O/n84iotIvIW4mdBgQ/7dAfSmpqIM8kF9mN1flpVKS3GRqe62gw+2fNNRaINXvVpiglSI8eNEc6wEA3F+g==";
    String signature =
        "MEUCIGHQVtGj+Y3LkG9fLcxf3qfI10QysgDWmMOVmxG0u6ZUAiEAyBiXDWzM+uOe5W0JuG+luQAbPIqHh89M15TluLtEZtM=";
    WebhookGuard guard =
        guard("sendgrid", publicKey, Map.of(), Instant.ofEpochSecond(1600112502L + 30));
    WebhookRequest.Builder request =
        post(payload)
            .header("X-Twilio-Email-Event-Webhook-Timestamp", "1600112502")
            .header("X-Twilio-Email-Event-Webhook-Signature", signature);

    WebhookEvent event = proceeds(guard, request.build());
    assertThat(event.deliveryId())
        .get(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .startsWith("sha256:");
    refused(
        guard,
        post(payload.replace("dropped", "Dropped"))
            .header("X-Twilio-Email-Event-Webhook-Timestamp", "1600112502")
            .header("X-Twilio-Email-Event-Webhook-Signature", signature)
            .build(),
        Reason.SIGNATURE_INVALID);
    // "testBadSignature": SendGrid's other signature.
    refused(
        guard,
        post(payload)
            .header("X-Twilio-Email-Event-Webhook-Timestamp", "1600112502")
            .header(
                "X-Twilio-Email-Event-Webhook-Signature",
                "MEUCIQCtIHJeH93Y+qpYeWrySphQgpNGNr/U+UyUlBkU6n7RAwIgJTz2C+8a8xonZGi6BpSzoQsbVRamr2nlxFDWYNH3j/0=")
            .build(),
        Reason.SIGNATURE_INVALID);
    assertThatThrownBy(() -> guard("sendgrid", "not a key", Map.of()))
        .isInstanceOf(WebhookConfigurationException.class)
        .hasMessageContaining("secrets")
        .hasMessageNotContaining("not a key");
  }

  /**
   * Square's own SDK test vectors: square-java-sdk {@code WebhooksHelperTest} (a test notification
   * captured from the Square Developer Portal, and the escaped-body vector).
   */
  @Test
  void squareSdkVectorsVerify() {
    String body =
        "{\"merchant_id\":\"MLEFBHHSJGVHD\",\"type\":\"webhooks.test_notification\","
            + "\"event_id\":\"ac3ac95b-f97d-458c-a6e6-18981597e05f\","
            + "\"created_at\":\"2022-07-13T20:30:59.037339943Z\","
            + "\"data\":{\"type\":\"webhooks\",\"id\":\"bc368e64-01aa-407e-b46e-3231809b1129\"}}";
    String url = "https://webhook.site/679a4f3a-dcfa-49ee-bac5-9d0edad886b9";
    String signature = "GF4YkrJgGBDZ9NIYbNXBnMzqb2HoL4RW/S6vkZ9/2N4=";

    WebhookEvent event =
        proceeds(
            guard("square", "Ibxx_5AKakO-3qeNVR61Dw", Map.of("public-url", url)),
            post(body).header("x-square-hmacsha256-signature", signature).build());
    assertThat(event.deliveryId()).contains("ac3ac95b-f97d-458c-a6e6-18981597e05f");
    assertThat(event.eventType()).contains("webhooks.test_notification");
    // "testSignatureValidationFailUrlMismatch", "...FailInvalidSignatureKey".
    refused(
        guard(
            "square",
            "Ibxx_5AKakO-3qeNVR61Dw",
            Map.of("public-url", "https://webhook.site/79a4f3a-dcfa-49ee-bac5-9d0edad886b9")),
        post(body).header("x-square-hmacsha256-signature", signature).build(),
        Reason.SIGNATURE_INVALID);
    refused(
        guard("square", "MCmhFRxGX82xMwg5FsaoQA", Map.of("public-url", url)),
        post(body).header("x-square-hmacsha256-signature", signature).build(),
        Reason.SIGNATURE_INVALID);
    // "testSignatureValidationEscapedPass": verifies, then has no event_id.
    refused(
        guard("square", "signature-key", Map.of("public-url", "https://webhook.site/webhooks")),
        post("{\"data\":{\"type\":\"webhooks\",\"id\":\">id<\"}}")
            .header("x-square-hmacsha256-signature", "Cxt7+aTi4rKgcA0bC4g9EHdVtLSDWdqccmL5MvihU4U=")
            .build(),
        Reason.MALFORMED_PAYLOAD);
  }

  /**
   * Paddle's own SDK test vectors: paddle-node-sdk {@code webhooks-validator.test.ts} (secret
   * VALID_SECRET, ts 1698796800; the second header carries two h1 and an unknown h2). Those bodies
   * have no notification_id: a verified one is then refused as malformed, which proves the
   * signature passed.
   */
  @Test
  void paddleSdkVectorsVerify() {
    Instant at = Instant.ofEpochSecond(1698796800L + 1);
    WebhookGuard guard = guard("paddle", "VALID_SECRET", Map.of(), at);
    refused(
        guard,
        post("{\"data\": [\"1\", \"2\"]}")
            .header(
                "Paddle-Signature",
                "ts=1698796800;h1=a300428748dce5c70e4da19bffd60769591ea969c99dea3105d0ec9612cf43f9")
            .build(),
        Reason.MALFORMED_PAYLOAD);
    refused(
        guard,
        post("{\"data\": \"value\"}")
            .header(
                "Paddle-Signature",
                "ts=1698796800;h1=28981e941fae76e53db32f3d2a83cb69db41476595e84e1970a1b5d98f62b261;"
                    + "h1=28981e941fae76e53db32f3d2a83cb69db41476595e84e1970a1b5d98f62b261;h2=RANDOM_HASH")
            .build(),
        Reason.MALFORMED_PAYLOAD);
    // "Invalid data - has more space", "Invalid secret", "InValid timestamp".
    refused(
        guard,
        post("{ \"data\": [ \"1\", \"2\" ]}")
            .header(
                "Paddle-Signature",
                "ts=1698796800;h1=a300428748dce5c70e4da19bffd60769591ea969c99dea3105d0ec9612cf43f9")
            .build(),
        Reason.SIGNATURE_INVALID);
    refused(
        guard("paddle", "INVALID_VALID_SECRET", Map.of(), at),
        post("{\"data\": [\"1\", \"2\"]}")
            .header(
                "Paddle-Signature",
                "ts=1698796800;h1=a300428748dce5c70e4da19bffd60769591ea969c99dea3105d0ec9612cf43f9")
            .build(),
        Reason.SIGNATURE_INVALID);
    refused(
        guard,
        post("{\"data\": [\"1\", \"2\"]}")
            .header(
                "Paddle-Signature",
                "ts=9876;h1=a300428748dce5c70e4da19bffd60769591ea969c99dea3105d0ec9612cf43f9")
            .build(),
        Reason.SIGNATURE_INVALID);
  }

  /** Computed vectors: one HMAC preset per row, signed here from its documented algorithm. */
  /**
   * Mux's own SDK test vectors: mux-node-sdk {@code tests/api-resources/webhooks.test.ts} (secret
   * SuperSecret123, t=1565125718): the signature verifies (the body carries no id, so the guard
   * then refuses it as malformed), one of several {@code v1} entries suffices, a {@code v2} alone
   * does not, and six minutes later it is too old.
   */
  @Test
  void muxSdkVectorsVerify() {
    Instant at = Instant.ofEpochSecond(1565125718L);
    WebhookGuard guard = guard("mux", "SuperSecret123", Map.of(), at);
    String hash = "854ece4c22acef7c66b57d4e504153bc512595e8e9c772ece2a68150548c19a7";
    String payload = "{\"test\":\"body\"}";
    refused(
        guard,
        post(payload).header("Mux-Signature", "t=1565125718,v1=" + hash).build(),
        Reason.MALFORMED_PAYLOAD);
    refused(
        guard,
        post(payload).header("Mux-Signature", "t=1565125718,v1=invalid-sig,v1=" + hash).build(),
        Reason.MALFORMED_PAYLOAD);
    refused(
        guard,
        post(payload).header("Mux-Signature", "t=1565125718,v2=" + hash + ",v1=" + hash).build(),
        Reason.MALFORMED_PAYLOAD);
    refused(
        guard,
        post("{\"test\":{\"nested\":{\"nanos\":718234, \"seconds\":1691711005}}}")
            .header(
                "Mux-Signature",
                "t=1565125718,v1=bd315c24bce1c2b8ad325696f26530c8ef7d7d830afb7c1381903705d04607be")
            .build(),
        Reason.MALFORMED_PAYLOAD);
    assertThat(
            responds(
                    guard, post(payload).header("Mux-Signature", "t=1565125718,v2=" + hash).build())
                .reason())
        .isIn(Reason.SIGNATURE_INVALID, Reason.SIGNATURE_MISSING);
    refused(
        guard,
        post("{\"test\":\"bodY\"}").header("Mux-Signature", "t=1565125718,v1=" + hash).build(),
        Reason.SIGNATURE_INVALID);
    refused(
        guard("mux", "SuperSecret123", Map.of(), at.plusSeconds(360)),
        post(payload).header("Mux-Signature", "t=1565125718,v1=" + hash).build(),
        Reason.TIMESTAMP_OUT_OF_TOLERANCE);
  }

  /**
   * Mandrill signs the registered URL followed by each form parameter's name and value, sorted by
   * name (base64 HMAC-SHA1), and checks the URL with an unsigned {@code HEAD}. Computed vector.
   */
  @Test
  void mandrillSignsTheUrlAndSortedFormParameters() {
    String url = "https://example.com/hooks/mandrill";
    WebhookGuard guard = guard("mandrill", SECRET, Map.of("public-url", url));
    String events = "[{\"event\":\"send\",\"_id\":\"7761629\",\"ts\":1764417600}]";
    String form =
        "mandrill_events="
            + java.net.URLEncoder.encode(events, StandardCharsets.UTF_8)
            + "&a_first=1";
    String signature =
        Base64.getEncoder()
            .encodeToString(
                mac(
                    "HmacSHA1",
                    SECRET.getBytes(StandardCharsets.UTF_8),
                    url + "a_first" + "1" + "mandrill_events" + events));
    WebhookRequest.Builder request =
        WebhookRequest.builder()
            .remoteAddress("127.0.0.1")
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("X-Mandrill-Signature", signature)
            .body(form.getBytes(StandardCharsets.UTF_8));
    WebhookEvent event = proceeds(guard, request.build());
    assertThat(event.deliveryId()).hasValueSatisfying(id -> assertThat(id).startsWith("sha256:"));
    refused(
        guard,
        WebhookRequest.builder()
            .remoteAddress("127.0.0.1")
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("X-Mandrill-Signature", signature)
            .body(form.replace("7761629", "7761620").getBytes(StandardCharsets.UTF_8))
            .build(),
        Reason.SIGNATURE_INVALID);
    Decision.Respond head = responds(guard, request("HEAD").build());
    assertThat(head.status()).isEqualTo(200);
  }

  /**
   * Razorpay's own SDK test vector: razorpay-java {@code UtilsTest.verifyWebhookSignature} (secret
   * 123456, payload {@code {"a":1,"b":2,"c":{"d":3}}}); the payload has no event id header here, so
   * the verified request is then refused as malformed.
   */
  @Test
  void razorpaySdkVectorVerifies() {
    WebhookGuard guard = guard("razorpay", "123456", Map.of());
    String payload = "{\"a\":1,\"b\":2,\"c\":{\"d\":3}}";
    String signature = "2fe04e22977002e6c7cb553adab8b460cb9e2a4970d5953cb27a8472752e3bbc";
    refused(
        guard,
        post(payload).header("X-Razorpay-Signature", signature).build(),
        Reason.MALFORMED_PAYLOAD);
    WebhookEvent event =
        proceeds(
            guard,
            post(payload)
                .header("X-Razorpay-Signature", signature)
                .header("x-razorpay-event-id", "Hn6RAgrlMLxKZN")
                .build());
    assertThat(event.deliveryId()).contains("Hn6RAgrlMLxKZN");
    refused(
        guard,
        post(payload.replace("3", "4")).header("X-Razorpay-Signature", signature).build(),
        Reason.SIGNATURE_INVALID);
  }

  /**
   * Box's own SDK test vectors: box-java-sdk {@code BoxWebHookSignatureVerifierTest} (primary key
   * faqZQd…, secondary key 4SidLL…, delivery timestamp 2016-07-08T01:20:32-07:00, payload {@code {
   * "payload" : "test" }}): the primary or the secondary signature verifies alone (the payload has
   * no {@code box-delivery-id} here, so the guard then refuses it as malformed), an empty one does
   * not, nor a tampered payload, nor the same delivery eleven minutes later.
   */
  @Test
  void boxSdkVectorsVerify() {
    Instant at = OffsetDateTime.parse("2016-07-08T01:20:32-07:00").toInstant();
    EndpointConfig config =
        EndpointConfig.builder("box")
            .provider("box")
            .secrets("faqZQdZ2dbNVaFdPWRsVMjZOC4nVwgp0", "4SidLLVJLIx3L3RAvMhybvvpmJHUd4iD")
            .build();
    WebhookGuard guard =
        WebhookGuard.builder(config).clock(Clock.fixed(at.plusSeconds(30), ZoneOffset.UTC)).build();
    String payload = "{ \"payload\" : \"test\" }";
    String primary = "R54s9jpedqP/Og92+77Ip8hVtfWjR4pnaJXcvRGafCQ=";
    String secondary = "V4b6jfPoCaTpcPvUDaaYLfVC4+DUZ3/B6F0pz44shEE=";
    java.util.function.Function<String, WebhookRequest.Builder> delivery =
        body ->
            post(body)
                .header("box-delivery-timestamp", "2016-07-08T01:20:32-07:00")
                .header("box-signature-version", "1")
                .header("box-signature-algorithm", "HmacSHA256");
    refused(
        guard,
        delivery.apply(payload).header("box-signature-primary", primary).build(),
        Reason.MALFORMED_PAYLOAD);
    refused(
        guard,
        delivery.apply(payload).header("box-signature-secondary", secondary).build(),
        Reason.MALFORMED_PAYLOAD);
    refused(
        guard,
        delivery
            .apply(payload)
            .header("box-signature-primary", "")
            .header("box-signature-secondary", secondary)
            .build(),
        Reason.MALFORMED_PAYLOAD);
    WebhookEvent event =
        proceeds(
            guard,
            delivery
                .apply(payload)
                .header("box-signature-primary", primary)
                .header("box-delivery-id", "d-1")
                .build());
    assertThat(event.deliveryId()).contains("d-1");
    refused(
        guard,
        delivery.apply(payload).header("box-signature-primary", "").build(),
        Reason.SIGNATURE_INVALID);
    refused(
        guard,
        delivery
            .apply("{ \"payload\" : \"tESt\" }")
            .header("box-signature-primary", primary)
            .build(),
        Reason.SIGNATURE_INVALID);
    refused(
        WebhookGuard.builder(config)
            .clock(Clock.fixed(at.plusSeconds(11 * 60), ZoneOffset.UTC))
            .build(),
        delivery.apply(payload).header("box-signature-primary", primary).build(),
        Reason.TIMESTAMP_OUT_OF_TOLERANCE);
  }

  /**
   * Trello signs the body followed by the callback URL (HMAC-SHA1, base64) and checks the URL with
   * an unsigned {@code HEAD} first. Computed vector.
   */
  @Test
  void trelloSignsBodyThenCallbackUrlAndAnswersItsHead() {
    String url = "https://example.com/hooks/trello";
    WebhookGuard guard = guard("trello", SECRET, Map.of("public-url", url));
    String body =
        "{\"model\":{\"id\":\"4d5ea62fd76aa1136000000c\"},\"action\":{\"id\":"
            + "\"51f9424bcd6e040f3c002412\",\"type\":\"updateCard\"}}";
    String signature =
        Base64.getEncoder()
            .encodeToString(mac("HmacSHA1", SECRET.getBytes(StandardCharsets.UTF_8), body + url));
    WebhookEvent event = proceeds(guard, post(body).header("X-Trello-Webhook", signature).build());
    assertThat(event.deliveryId()).contains("51f9424bcd6e040f3c002412");
    assertThat(event.eventType()).contains("updateCard");
    String wrongUrl =
        Base64.getEncoder()
            .encodeToString(
                mac(
                    "HmacSHA1",
                    SECRET.getBytes(StandardCharsets.UTF_8),
                    body + "https://example.com/other"));
    refused(
        guard, post(body).header("X-Trello-Webhook", wrongUrl).build(), Reason.SIGNATURE_INVALID);
    Decision.Respond head = responds(guard, request("HEAD").build());
    assertThat(head.status()).isEqualTo(200);
    assertThat(head.body()).isEmpty();
    refused(guard, request("GET").build(), Reason.SIGNATURE_MISSING);
  }

  /**
   * Twitch signs id + RFC 3339 timestamp (nanoseconds) + body; its challenge is answered as plain
   * text only after the signature verified (the challenge value is the one in Twitch's
   * documentation); a revocation reaches the handler marked as such; stale and unparsable
   * timestamps are refused. Computed vector.
   */
  @Test
  void twitchSignsIdRfc3339TimestampAndBodyAndAnswersItsChallenge() {
    WebhookGuard guard = guard("twitch", SECRET, Map.of());
    String at = "2026-11-29T11:59:58.123456789Z";
    String challenge =
        "{\"challenge\":\"pogchamp-kappa-360noscope-vohiyo\",\"subscription\":{\"id\":"
            + "\"f1c2a387-161a-49f9-a165-0f21d7a4e1c4\",\"status\":"
            + "\"webhook_callback_verification_pending\",\"type\":\"channel.follow\"}}";
    java.util.function.BiFunction<String, String, WebhookRequest.Builder> signed =
        (body, timestamp) ->
            post(body)
                .header("Twitch-Eventsub-Message-Id", "m-1")
                .header("Twitch-Eventsub-Message-Timestamp", timestamp)
                .header(
                    "Twitch-Eventsub-Message-Signature",
                    "sha256=" + hex256(SECRET, "m-1" + timestamp + body));
    Decision.Respond answered =
        responds(
            guard,
            signed
                .apply(challenge, at)
                .header("Twitch-Eventsub-Message-Type", "webhook_callback_verification")
                .build());
    assertThat(answered.status()).isEqualTo(200);
    assertThat(answered.headers()).containsEntry("Content-Type", "text/plain");
    assertThat(text(answered)).isEqualTo("pogchamp-kappa-360noscope-vohiyo");
    refused(
        guard,
        post(challenge)
            .header("Twitch-Eventsub-Message-Type", "webhook_callback_verification")
            .header("Twitch-Eventsub-Message-Id", "m-1")
            .header("Twitch-Eventsub-Message-Timestamp", at)
            .header("Twitch-Eventsub-Message-Signature", "sha256=" + hex256("guess", "m-1" + at))
            .build(),
        Reason.SIGNATURE_INVALID);

    String revocation =
        "{\"subscription\":{\"id\":\"f1c2a387\",\"status\":\"authorization_revoked\","
            + "\"type\":\"channel.follow\"}}";
    WebhookEvent revoked =
        proceeds(
            guard,
            signed
                .apply(revocation, at)
                .header("Twitch-Eventsub-Message-Type", "revocation")
                .header("Twitch-Eventsub-Subscription-Type", "channel.follow")
                .build());
    assertThat(revoked.deliveryId()).contains("m-1");
    assertThat(revoked.eventType()).contains("channel.follow");
    assertThat(revoked.attribute("message-type")).contains("revocation");
    assertThat(revoked.timestamp()).contains(Instant.parse(at));

    refused(
        guard,
        signed.apply(revocation, "2026-11-29T11:50:00Z").build(),
        Reason.TIMESTAMP_OUT_OF_TOLERANCE);
    refused(guard, signed.apply(revocation, "1764417600").build(), Reason.SIGNATURE_INVALID);
  }

  @Test
  void hmacPresetsVerifyTheirDocumentedSignatures() {
    long ts = NOW.getEpochSecond();
    String body =
        "{\"id\":\"evt_1\",\"eventId\":\"okta-1\",\"event_id\":\"e-1\",\"event_type\":\"form_response\"}";
    Map<String, Map<String, String>> cases = new LinkedHashMap<>();
    cases.put(
        "bitbucket",
        Map.of("X-Hub-Signature", "sha256=" + hex256(SECRET, body), "X-Request-UUID", "u-1"));
    cases.put(
        "intercom",
        Map.of(
            "X-Hub-Signature",
            "sha1="
                + HexFormat.of()
                    .formatHex(mac("HmacSHA1", SECRET.getBytes(StandardCharsets.UTF_8), body))));
    cases.put("typeform", Map.of("Typeform-Signature", "sha256=" + b64256(SECRET, body)));
    cases.put(
        "pagerduty",
        Map.of(
            "X-PagerDuty-Signature",
            "v1=" + hex256("old-secret", body) + ",v1=" + hex256(SECRET, body),
            "X-Webhook-Id",
            "pd-1"));
    cases.put(
        "paddle",
        Map.of("Paddle-Signature", "ts=" + ts + ";h1=" + hex256(SECRET, ts + ":" + body)));
    cases.put(
        "calendly",
        Map.of("Calendly-Webhook-Signature", "t=" + ts + ",v1=" + hex256(SECRET, ts + "." + body)));
    cases.put("dropbox", Map.of("X-Dropbox-Signature", hex256(SECRET, body)));
    cases.put("twitter", Map.of("x-twitter-webhooks-signature", "sha256=" + b64256(SECRET, body)));
    cases.put(
        "zoom",
        Map.of(
            "x-zm-request-timestamp",
            Long.toString(ts),
            "x-zm-signature",
            "v0=" + hex256(SECRET, "v0:" + ts + ":" + body),
            "x-zm-trackingid",
            "zm-1"));
    cases.put("meta", Map.of("X-Hub-Signature-256", "sha256=" + hex256(SECRET, body)));
    cases.put(
        "gitlab",
        Map.of(
            "X-Gitlab-Token",
            SECRET,
            "X-Gitlab-Event-UUID",
            "gl-1",
            "X-Gitlab-Event",
            "Push Hook"));
    String twitchAt = NOW.minusMillis(1234).toString().replace("Z", "123456Z");
    cases.put(
        "twitch",
        Map.of(
            "Twitch-Eventsub-Message-Id",
            "tw-1",
            "Twitch-Eventsub-Message-Timestamp",
            twitchAt,
            "Twitch-Eventsub-Message-Signature",
            "sha256=" + hex256(SECRET, "tw-1" + twitchAt + body)));
    cases.put("sentry", Map.of("Sentry-Hook-Signature", hex256(SECRET, body), "Request-ID", "s-1"));
    cases.put(
        "vercel",
        Map.of(
            "x-vercel-signature",
            HexFormat.of()
                .formatHex(mac("HmacSHA1", SECRET.getBytes(StandardCharsets.UTF_8), body))));
    cases.put("xero", Map.of("x-xero-signature", b64256(SECRET, body)));
    cases.put("quickbooks", Map.of("intuit-signature", b64256(SECRET, body)));
    cases.put("mux", Map.of("Mux-Signature", "t=" + ts + ",v1=" + hex256(SECRET, ts + "." + body)));
    long ms = NOW.toEpochMilli() - 2500;
    cases.put(
        "webflow",
        Map.of(
            "x-webflow-timestamp",
            Long.toString(ms),
            "x-webflow-signature",
            hex256(SECRET, ms + ":" + body)));
    cases.put("lemonsqueezy", Map.of("X-Signature", hex256(SECRET, body)));
    cases.put(
        "razorpay",
        Map.of("X-Razorpay-Signature", hex256(SECRET, body), "x-razorpay-event-id", "rzp-1"));
    cases.put(
        "paystack",
        Map.of(
            "x-paystack-signature",
            HexFormat.of()
                .formatHex(mac("HmacSHA512", SECRET.getBytes(StandardCharsets.UTF_8), body))));
    cases.put(
        "jira",
        Map.of(
            "X-Hub-Signature",
            "sha256=" + hex256(SECRET, body),
            "X-Atlassian-Webhook-Identifier",
            "jira-1"));
    cases.put("calcom", Map.of("X-Cal-Signature-256", hex256(SECRET, body)));
    cases.put("okta", Map.of("Authorization", "Bearer " + SECRET));
    cases.put("azure-event-grid", Map.of("Authorization", SECRET));
    cases.put(
        "cloudevents",
        Map.of(
            "Authorization", "Bearer " + SECRET, "ce-id", "ce-1", "ce-type", "com.example.thing"));
    for (Map.Entry<String, Map<String, String>> c : cases.entrySet()) {
      String provider = c.getKey();
      Map<String, String> keys = provider.equals("meta") ? Map.of("verify-token", "vt") : Map.of();
      WebhookGuard guard = guard(provider, SECRET, keys);
      WebhookRequest.Builder valid = post(body);
      c.getValue().forEach(valid::header);
      assertThat(guard.inspect(valid.build())).as(provider).isInstanceOf(Decision.Proceed.class);
      WebhookRequest.Builder tampered =
          post(body.replace("evt_1", "evt_2")).header("X-Request-UUID", "u-2");
      c.getValue().forEach(tampered::header);
      Decision d = guard.inspect(tampered.build());
      boolean token =
          java.util.List.of("gitlab", "okta", "azure-event-grid", "cloudevents").contains(provider);
      if (token) {
        // A token does not cover the body: a wrong token is what it refuses.
        WebhookRequest.Builder wrong = post(body);
        c.getValue().forEach((k, v) -> wrong.header(k, v.replace(SECRET, "guess")));
        refused(guard, wrong.build(), Reason.SIGNATURE_INVALID);
      } else {
        assertThat(((Decision.Respond) d).reason())
            .as(provider)
            .isEqualTo(Reason.SIGNATURE_INVALID);
      }
    }
  }

  @Test
  void whereEachPresetFindsTheDeliveryIdAndEventType() {
    String body =
        "{\"id\":\"evt_1\",\"event\":{\"id\":\"pd-evt\",\"event_type\":\"incident.triggered\"}}";
    WebhookEvent gitlab =
        proceeds(
            guard("gitlab", SECRET, Map.of()),
            post(body)
                .header("X-Gitlab-Token", SECRET)
                .header("X-Gitlab-Event-UUID", "uuid-1")
                .header("Idempotency-Key", "idem-1")
                .header("X-Gitlab-Event", "Push Hook")
                .build());
    assertThat(gitlab.deliveryId()).contains("idem-1");
    assertThat(gitlab.eventType()).contains("Push Hook");
    WebhookEvent pagerduty =
        proceeds(
            guard("pagerduty", SECRET, Map.of()),
            post(body).header("X-PagerDuty-Signature", "v1=" + hex256(SECRET, body)).build());
    assertThat(pagerduty.deliveryId()).contains("pd-evt");
    assertThat(pagerduty.eventType()).contains("incident.triggered");
  }

  @Test
  void squareSignsThePublicUrlAndBody() {
    String url = "https://example.com/webhooks/square";
    String body = "{\"merchant_id\":\"M1\",\"type\":\"payment.created\",\"event_id\":\"sq-1\"}";
    WebhookGuard guard = guard("square", SECRET, Map.of("public-url", url));
    WebhookEvent event =
        proceeds(
            guard,
            post(body).header("x-square-hmacsha256-signature", b64256(SECRET, url + body)).build());
    assertThat(event.deliveryId()).contains("sq-1");
    assertThat(event.eventType()).contains("payment.created");
    // Signed for another URL (the request's own, without public-url) is not this endpoint's.
    refused(
        guard,
        post(body)
            .header(
                "x-square-hmacsha256-signature", b64256(SECRET, "http://127.0.0.1:8080/" + body))
            .build(),
        Reason.SIGNATURE_INVALID);
    assertThatThrownBy(() -> guard("square", SECRET, Map.of("public-url", "/relative")))
        .isInstanceOf(WebhookConfigurationException.class)
        .hasMessageContaining("public-url");
    assertThatThrownBy(() -> guard("github", SECRET, Map.of("public-url", url)))
        .isInstanceOf(WebhookConfigurationException.class)
        .hasMessageContaining("public-url")
        .hasMessageContaining("not used");
  }

  @Test
  void hubspotV3SignsMethodDecodedUrlBodyAndMillisecondTimestamp() {
    long ms = NOW.toEpochMilli() - 1500;
    String body = "[{\"eventId\":1,\"subscriptionType\":\"contact.creation\"}]";
    String signedUrl = "https://example.com/hubspot?state=a:b";
    WebhookGuard guard =
        guard("hubspot", SECRET, Map.of("public-url", "https://example.com/hubspot"));
    WebhookRequest.Builder request =
        post(body)
            .query("state=a%3Ab")
            .header("X-HubSpot-Request-Timestamp", Long.toString(ms))
            .header("X-HubSpot-Signature-v3", b64256(SECRET, "POST" + signedUrl + body + ms));
    proceeds(guard, request.build());
    long stale = NOW.toEpochMilli() - 6 * 60_000;
    refused(
        guard,
        post(body)
            .query("state=a%3Ab")
            .header("X-HubSpot-Request-Timestamp", Long.toString(stale))
            .header("X-HubSpot-Signature-v3", b64256(SECRET, "POST" + signedUrl + body + stale))
            .build(),
        Reason.TIMESTAMP_OUT_OF_TOLERANCE);
  }

  @Test
  void zoomUrlValidationIsAnsweredWithTheVerifyingSecret() {
    long ts = NOW.getEpochSecond();
    String body =
        "{\"payload\":{\"plainToken\":\"qgg8vlvZRS6UYooatFL8Aw\"},\"event_ts\":1654503849680,\"event\":\"endpoint.url_validation\"}";
    WebhookGuard guard = guard("zoom", SECRET, Map.of());
    Decision.Respond r =
        responds(
            guard,
            post(body)
                .header("x-zm-request-timestamp", Long.toString(ts))
                .header("x-zm-signature", "v0=" + hex256(SECRET, "v0:" + ts + ":" + body))
                .build());
    assertThat(r.outcome()).isEqualTo(Outcome.HANDSHAKE);
    assertThat(r.headers()).containsEntry("Content-Type", "application/json");
    assertThat(text(r))
        .isEqualTo(
            "{\"plainToken\":\"qgg8vlvZRS6UYooatFL8Aw\",\"encryptedToken\":\""
                + hex256(SECRET, "qgg8vlvZRS6UYooatFL8Aw")
                + "\"}");
    refused(guard, post(body).build(), Reason.SIGNATURE_MISSING);
  }

  @Test
  void metaSubscriptionIsAnsweredOnlyWithTheVerifyToken() {
    WebhookGuard guard = guard("meta", SECRET, Map.of("verify-token", "meatball"));
    Decision.Respond ok =
        responds(
            guard,
            get("hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=meatball").build());
    assertThat(ok.status()).isEqualTo(200);
    assertThat(ok.headers()).containsEntry("Content-Type", "text/plain");
    assertThat(text(ok)).isEqualTo("1158201444");
    refused(
        guard,
        get("hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=guess").build(),
        Reason.SIGNATURE_MISSING);
    assertThatThrownBy(() -> guard("meta", SECRET, Map.of()))
        .isInstanceOf(WebhookConfigurationException.class)
        .hasMessageContaining("verify-token");
  }

  @Test
  void twitterCrcIsAnsweredWithTheResponseToken() {
    Decision.Respond r =
        responds(guard("twitter", SECRET, Map.of()), get("crc_token=abc%2B123").build());
    assertThat(r.headers()).containsEntry("Content-Type", "application/json");
    assertThat(text(r))
        .isEqualTo("{\"response_token\":\"sha256=" + b64256(SECRET, "abc+123") + "\"}");
  }

  /**
   * X keys CRC answers and delivery signatures alike: the CRC answer must never sign a body that
   * would verify.
   */
  @Test
  void twitterCrcIsNoSigningOracle() {
    WebhookGuard guard = guard("twitter", SECRET, Map.of());
    refused(
        guard,
        get("crc_token=%7B%22tweet_create_events%22%3A%5B%5D%7D").build(),
        Reason.SIGNATURE_MISSING);
    Decision.Respond answer = responds(guard, get("crc_token=true").build());
    String token = text(answer).replaceAll(".*\"(sha256=[^\"]+)\".*", "$1");
    refused(
        guard,
        post("true").header("x-twitter-webhooks-signature", token).build(),
        Reason.SIGNATURE_INVALID);
    String object = "{\"tweet_create_events\":[]}";
    proceeds(
        guard,
        post(object)
            .header("x-twitter-webhooks-signature", "sha256=" + b64256(SECRET, object))
            .build());
  }

  @Test
  void dropboxAndGraphEchoTheirChallengeAsPlainText() {
    Decision.Respond dropbox =
        responds(guard("dropbox", SECRET, Map.of()), get("challenge=hxk5Kq").build());
    assertThat(text(dropbox)).isEqualTo("hxk5Kq");
    assertThat(dropbox.headers())
        .containsEntry("Content-Type", "text/plain")
        .containsEntry("X-Content-Type-Options", "nosniff");
    Decision.Respond graph =
        responds(
            guard("microsoft-graph", SECRET, Map.of()),
            WebhookRequest.builder()
                .remoteAddress("127.0.0.1")
                .header("Content-Type", "text/plain")
                .query(
                    "validationToken=Validation%3A%20Testing%20client%20application%20reachability")
                .build());
    assertThat(text(graph)).isEqualTo("Validation: Testing client application reachability");
    assertThat(graph.headers()).containsEntry("Content-Type", "text/plain");
  }

  @Test
  void graphNotificationsMustAllCarryAConfiguredClientState() {
    WebhookGuard guard = guard("microsoft-graph", SECRET, Map.of());
    String one =
        "{\"subscriptionId\":\"s\",\"clientState\":\"" + SECRET + "\",\"changeType\":\"created\"}";
    proceeds(guard, post("{\"value\":[" + one + "," + one + "]}").build());
    refused(
        guard,
        post("{\"value\":[" + one + "," + one.replace(SECRET, "guess") + "]}").build(),
        Reason.SIGNATURE_INVALID);
    refused(
        guard, post("{\"value\":[{\"subscriptionId\":\"s\"}]}").build(), Reason.SIGNATURE_MISSING);
  }

  @Test
  void eventGridValidationIsAnsweredAfterTheSecretVerified() {
    String body =
        "[{\"id\":\"2d1781af-3a4c-4d7c-bd0c-e34b19da4e66\",\"topic\":\"/subscriptions/x\",\"subject\":\"\","
            + "\"data\":{\"validationCode\":\"512d38b6-c7b8-40c8-89fe-f46f9e9622b6\"},"
            + "\"eventType\":\"Microsoft.EventGrid.SubscriptionValidationEvent\",\"eventTime\":\"2018-01-25T22:12:19.4556811Z\","
            + "\"metadataVersion\":\"1\",\"dataVersion\":\"1\"}]";
    WebhookGuard guard = guard("azure-event-grid", SECRET, Map.of());
    Decision.Respond r =
        responds(
            guard,
            post(body)
                .query("code=" + SECRET)
                .header("aeg-event-type", "SubscriptionValidation")
                .build());
    assertThat(r.outcome()).isEqualTo(Outcome.HANDSHAKE);
    assertThat(text(r))
        .isEqualTo("{\"validationResponse\":\"512d38b6-c7b8-40c8-89fe-f46f9e9622b6\"}");
    refused(
        guard,
        post(body).header("aeg-event-type", "SubscriptionValidation").build(),
        Reason.SIGNATURE_MISSING);
  }

  @Test
  void cloudEventsOptionsIsAnsweredWithTheAllowedOrigin() {
    Decision.Respond r =
        responds(
            guard("cloudevents", SECRET, Map.of()),
            request("OPTIONS")
                .header("WebHook-Request-Origin", "eventemitter.example.com")
                .header("WebHook-Request-Rate", "120")
                .build());
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.headers())
        .containsEntry("WebHook-Allowed-Origin", "eventemitter.example.com")
        .containsEntry("WebHook-Allowed-Rate", "*");
  }

  @Test
  void cloudEventsOptionsIsAnsweredOnlyForAllowedOriginsWhenTheyAreListed() {
    WebhookGuard guard =
        guard(
            "cloudevents", SECRET, Map.of("allowed-origins", "events.example.com, other.example"));
    Decision.Respond listed =
        responds(
            guard,
            request("OPTIONS").header("WebHook-Request-Origin", "Events.Example.com").build());
    assertThat(listed.headers()).containsEntry("WebHook-Allowed-Origin", "Events.Example.com");
    refused(
        guard,
        request("OPTIONS").header("WebHook-Request-Origin", "eventemitter.example.com").build(),
        Reason.SIGNATURE_MISSING);
    assertThatThrownBy(() -> guard("github", SECRET, Map.of("allowed-origins", "x")))
        .isInstanceOf(WebhookConfigurationException.class)
        .hasMessageContaining("allowed-origins");
  }

  @Test
  void aVerifiedGetThatIsNoHandshakeIsRefusedWith405() {
    Decision.Respond r =
        responds(
            guard("okta", SECRET, Map.of()),
            request("GET").header("Authorization", "Bearer " + SECRET).build());
    assertThat(r.reason()).isEqualTo(Reason.METHOD_NOT_ALLOWED);
    assertThat(r.status()).isEqualTo(405);
    assertThat(r.headers()).containsEntry("Allow", "POST");
  }

  @Test
  void oktaVerificationIsAnsweredAfterItsAuthorizationVerified() {
    WebhookGuard guard = guard("okta", SECRET, Map.of());
    Decision.Respond r =
        responds(
            guard,
            request("GET")
                .header("Authorization", SECRET)
                .header("X-Okta-Verification-Challenge", "oHx2-8XDbJx0B7zq")
                .build());
    assertThat(text(r)).isEqualTo("{\"verification\":\"oHx2-8XDbJx0B7zq\"}");
    refused(
        guard,
        request("GET").header("X-Okta-Verification-Challenge", "oHx2-8XDbJx0B7zq").build(),
        Reason.SIGNATURE_MISSING);
  }

  /** Computed vector with the RFC 8032 section 7.1 TEST 1 key pair, signed by the JDK. */
  @Test
  void discordEd25519AndPing() throws Exception {
    byte[] seed =
        HexFormat.of().parseHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
    String publicKey = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";
    PrivateKey key =
        KeyFactory.getInstance("Ed25519")
            .generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, seed));
    long ts = NOW.getEpochSecond();
    String ping = "{\"application_id\":\"1\",\"id\":\"ping-1\",\"type\":1,\"version\":1}";
    Signature signer = Signature.getInstance("Ed25519");
    signer.initSign(key);
    signer.update((ts + ping).getBytes(StandardCharsets.UTF_8));
    String signature = HexFormat.of().formatHex(signer.sign());
    WebhookGuard guard = guard("discord", publicKey, Map.of());

    Decision.Respond r =
        responds(
            guard,
            post(ping)
                .header("X-Signature-Timestamp", Long.toString(ts))
                .header("X-Signature-Ed25519", signature)
                .build());
    assertThat(r.outcome()).isEqualTo(Outcome.HANDSHAKE);
    assertThat(text(r)).isEqualTo("{\"type\":1}");
    refused(
        guard,
        post(ping.replace("ping-1", "ping-2"))
            .header("X-Signature-Timestamp", Long.toString(ts))
            .header("X-Signature-Ed25519", signature)
            .build(),
        Reason.SIGNATURE_INVALID);
    refused(
        guard,
        post(ping)
            .header("X-Signature-Timestamp", Long.toString(ts + 1))
            .header("X-Signature-Ed25519", signature)
            .build(),
        Reason.SIGNATURE_INVALID);
  }

  @Test
  void mailgunSignatureFieldsInsideTheBody() {
    long ts = NOW.getEpochSecond();
    String token = "a8ce0edb2dd8301dcc6ba5f98b7fd6a3d7ce7bd4f2e1b3b8d7";
    String body =
        "{\"signature\":{\"timestamp\":\""
            + ts
            + "\",\"token\":\""
            + token
            + "\",\"signature\":\""
            + hex256(SECRET, ts + token)
            + "\"},\"event-data\":{\"id\":\"mg-1\",\"event\":\"delivered\"}}";
    WebhookEvent event = proceeds(guard("mailgun", SECRET, Map.of()), post(body).build());
    assertThat(event.deliveryId()).contains("mg-1");
    assertThat(event.eventType()).contains("delivered");
    refused(guard("mailgun", "other-key", Map.of()), post(body).build(), Reason.SIGNATURE_INVALID);
    String form =
        "timestamp="
            + ts
            + "&token="
            + token
            + "&signature="
            + hex256(SECRET, ts + token)
            + "&event=opened";
    WebhookEvent legacy =
        proceeds(
            guard("mailgun", SECRET, Map.of()),
            WebhookRequest.builder()
                .remoteAddress("127.0.0.1")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .body(form.getBytes(StandardCharsets.UTF_8))
                .build());
    assertThat(legacy.deliveryId()).contains(token);
  }

  @Test
  void linearChecksTheSignedBodyTimestampInMilliseconds() {
    long fresh = NOW.toEpochMilli() - 2_000;
    long stale = NOW.toEpochMilli() - 10 * 60_000;
    WebhookGuard guard = guard("linear", SECRET, Map.of());
    String body = "{\"action\":\"create\",\"type\":\"Issue\",\"webhookTimestamp\":" + fresh + "}";
    WebhookEvent event =
        proceeds(
            guard,
            post(body)
                .header("Linear-Signature", hex256(SECRET, body))
                .header("Linear-Delivery", "lin-1")
                .header("Linear-Event", "Issue")
                .build());
    assertThat(event.deliveryId()).contains("lin-1");
    String old = body.replace(Long.toString(fresh), Long.toString(stale));
    refused(
        guard,
        post(old)
            .header("Linear-Signature", hex256(SECRET, old))
            .header("Linear-Delivery", "lin-2")
            .build(),
        Reason.TIMESTAMP_OUT_OF_TOLERANCE);
  }

  @Test
  void resendAndClerkAreSvix() {
    String raw = "MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    long ts = NOW.getEpochSecond();
    String body = "{\"type\":\"email.sent\"}";
    String sig =
        Base64.getEncoder()
            .encodeToString(
                mac("HmacSHA256", Base64.getDecoder().decode(raw), "msg_1." + ts + "." + body));
    for (String provider : java.util.List.of("resend", "clerk")) {
      WebhookEvent event =
          proceeds(
              guard(provider, "whsec_" + raw, Map.of()),
              post(body)
                  .header("svix-id", "msg_1")
                  .header("svix-timestamp", Long.toString(ts))
                  .header("svix-signature", "v1," + sig)
                  .build());
      assertThat(event.provider()).isEqualTo(provider);
      assertThat(event.eventType()).contains("email.sent");
    }
  }
}

package io.webhookkit.test;

import static org.assertj.core.api.Assertions.assertThat;

import io.webhookkit.core.ForwardedRecord;
import io.webhookkit.core.Secret;
import io.webhookkit.core.signature.SigningInput;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The adapter conformance kit: one suite, written once, that every adapter passes over real HTTP on
 * a real server, so that all adapters behave identically.
 *
 * <p>To use it, extend it in the adapter's tests, start a real server bound to loopback that serves
 * every endpoint of {@link ConformanceEndpoints#all()} at {@code /hooks/<name>} behind the adapter
 * (configured with exactly those keys), whose handler reads the body and parameters the framework's
 * normal way and answers with {@link ConformanceHandler#handle}'s status, and return its address
 * from {@link #baseUri()}. Requests are sent as HTTP/1.1 (the JDK client pinned to it, or raw
 * bytes).
 */
public abstract class WebhookAdapterConformanceKit {
  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  /** The adapter's server, e.g. {@code http://127.0.0.1:8080}. */
  protected abstract URI baseUri();

  /**
   * The dead deliveries of an endpoint as the adapter's management lists them (Actuator, Micronaut
   * management, the JAX-RS resource, or the servlet's {@code WebhookWorkers}): each entry's key or
   * delivery id.
   */
  protected abstract List<String> deadDeliveries(String endpoint) throws Exception;

  /**
   * Replays every dead delivery of an endpoint through the adapter's management; returns how many.
   */
  protected abstract int replayDead(String endpoint) throws Exception;

  /** The URI of one endpoint. */
  protected URI endpoint(String name) {
    return baseUri().resolve("/hooks/" + name);
  }

  private final ConformanceHandler handler = ConformanceHandler.shared();

  private HttpResponse<byte[]> post(String endpoint, TestDelivery delivery)
      throws IOException, InterruptedException {
    return CLIENT.send(
        delivery.toHttpRequest(endpoint(endpoint)), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static void assertRefused(HttpResponse<byte[]> response, int status, String reason) {
    String body = new String(response.body(), StandardCharsets.UTF_8);
    assertThat(response.statusCode()).as(body).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    assertThat(body).contains("\"reason\":\"" + reason + "\"");
  }

  private static void assertRefused(RawHttp.Response response, int status, String reason) {
    assertThat(response.status()).as(response.bodyText()).isEqualTo(status);
    assertThat(response.bodyText()).contains("\"reason\":\"" + reason + "\"");
  }

  /** One valid delivery per preset, with the endpoint that receives it. */
  public static Stream<Arguments> presets() {
    return Stream.of(
        Arguments.of("github", TestDelivery.github(ConformanceEndpoints.GITHUB_SECRET)),
        Arguments.of("stripe", TestDelivery.stripe(ConformanceEndpoints.STRIPE_SECRET)),
        Arguments.of("slack", TestDelivery.slack(ConformanceEndpoints.SLACK_SECRET)),
        Arguments.of("slack", TestDelivery.slackCommand(ConformanceEndpoints.SLACK_SECRET)),
        Arguments.of(
            "standard-webhooks",
            TestDelivery.standardWebhooks(ConformanceEndpoints.STANDARD_WEBHOOKS_SECRET)),
        Arguments.of("svix", TestDelivery.svix(ConformanceEndpoints.STANDARD_WEBHOOKS_SECRET)),
        Arguments.of("shopify", TestDelivery.shopify(ConformanceEndpoints.SHOPIFY_SECRET)),
        Arguments.of(
            "hmac",
            TestDelivery.hmac(ConformanceEndpoints.HMAC_SECRET, ConformanceEndpoints.HMAC_KEYS)));
  }

  /** The presets whose signature covers a timestamp. */
  public static Stream<Arguments> timestamped() {
    return presets()
        .filter(
            a ->
                List.of("stripe", "slack", "standard-webhooks", "svix", "hmac")
                    .contains((String) a.get()[0]));
  }

  /** One valid delivery per preset of the catalogue, at the endpoint named after the preset. */
  public static Stream<Arguments> catalogue() {
    return ConformanceEndpoints.CATALOGUE.stream()
        .map(
            preset ->
                Arguments.of(
                    preset,
                    TestDelivery.of(
                        preset,
                        ConformanceEndpoints.signingSecret(preset),
                        ConformanceEndpoints.providerKeys(preset))));
  }

  /**
   * The catalogue presets whose signature covers the body (not a bare token, not fields beside the
   * body's content), as their schemes say ({@code SignatureScheme.coversBody()}).
   */
  public static Stream<Arguments> catalogueSignedBodies() {
    return catalogue().filter(a -> ConformanceEndpoints.scheme((String) a.get()[0]).coversBody());
  }

  /**
   * The catalogue presets whose signature travels in a header (not in the body's fields, as
   * Mailgun's, Adyen's and Braintree's do).
   */
  public static Stream<Arguments> catalogueSignedInHeaders() {
    return catalogue()
        .filter(
            a ->
                !ConformanceEndpoints.scheme((String) a.get()[0])
                    .sign(
                        new SigningInput(
                            new byte[0], "id", Instant.EPOCH, "POST", "https://example.com/"),
                        Secret.of("probe", ConformanceEndpoints.signingSecret((String) a.get()[0])))
                    .isEmpty());
  }

  /** The catalogue presets that sign a timestamp ({@code SignatureScheme.signsTimestamp()}). */
  public static Stream<Arguments> catalogueTimestamped() {
    return catalogue()
        .filter(a -> ConformanceEndpoints.scheme((String) a.get()[0]).signsTimestamp());
  }

  private static String hmacSha256(String key, String content, boolean base64) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    byte[] out = mac.doFinal(content.getBytes(StandardCharsets.UTF_8));
    return base64 ? Base64.getEncoder().encodeToString(out) : HexFormat.of().formatHex(out);
  }

  private HttpResponse<byte[]> send(String method, String endpointAndQuery, String... headers)
      throws IOException, InterruptedException {
    int q = endpointAndQuery.indexOf('?');
    URI uri =
        q < 0
            ? endpoint(endpointAndQuery)
            : URI.create(
                endpoint(endpointAndQuery.substring(0, q)) + endpointAndQuery.substring(q));
    HttpRequest.Builder b =
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(30))
            .method(method, BodyPublishers.noBody());
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static void assertAnswer(HttpResponse<byte[]> response, String contentType, String body) {
    String text = new String(response.body(), StandardCharsets.UTF_8);
    assertThat(response.statusCode()).as(text).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith(contentType));
    assertThat(text).isEqualTo(body);
  }

  private HttpResponse<byte[]> postForm(String endpoint, String body)
      throws IOException, InterruptedException {
    return CLIENT.send(
        HttpRequest.newBuilder(endpoint(endpoint))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  /**
   * For adapters whose annotation takes the endpoint name from the path
   * ({@code @WebhookEndpoint("{name}")}): call it from a test of the adapter's own. A path naming
   * no configured endpoint is refused with 404 {@code unknown_endpoint} and the handler is not
   * called.
   */
  protected void assertAPathNamingNoConfiguredEndpointIsRefused() throws Exception {
    TestDelivery delivery = TestDelivery.github(ConformanceEndpoints.GITHUB_SECRET);
    assertRefused(post("nobody", delivery), 404, "unknown_endpoint");
    assertThat(handler.callsFor(delivery.id())).isEmpty();
  }

  /** Bodies with CRLF line ends, a byte-order mark, emoji and non-BMP characters. */
  public static Stream<Arguments> unusualBodies() {
    String id = "evt_" + UUID.randomUUID().toString().replace("-", "");
    byte[] json =
        ("{\"id\":\"" + id + "\",\"type\":\"t\",\"text\":\"x\"}").getBytes(StandardCharsets.UTF_8);
    byte[] bom = new byte[json.length + 3];
    bom[0] = (byte) 0xEF;
    bom[1] = (byte) 0xBB;
    bom[2] = (byte) 0xBF;
    System.arraycopy(json, 0, bom, 3, json.length);
    return Stream.of(
        Arguments.of(
            "CRLF",
            ("{\r\n  \"id\": \"" + id + "c\",\r\n  \"type\": \"t\"\r\n}\r\n")
                .getBytes(StandardCharsets.UTF_8)),
        Arguments.of("BOM", bom),
        Arguments.of(
            "emoji and non-BMP",
            ("{\"id\":\""
                    + id
                    + "e\",\"type\":\"t\",\"text\":\"caf\u00e9 \uD83D\uDE00 \uD834\uDD1E \uD83C\uDFF3\uFE0F\u200D\uD83C\uDF08\"}")
                .getBytes(StandardCharsets.UTF_8)));
  }

  /** The remote-key presets of {@link ConformanceEndpoints#REMOTE_KEY_PRESETS}. */
  public static Stream<String> remoteKeyPresets() {
    return ConformanceEndpoints.REMOTE_KEY_PRESETS.stream();
  }

  private HttpResponse<byte[]> post(String endpoint, RemoteKeyPresets.Delivery delivery)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(endpoint(endpoint))
            .header("Content-Type", delivery.contentType())
            .POST(HttpRequest.BodyPublishers.ofString(delivery.body(), StandardCharsets.UTF_8));
    delivery.headers().forEach(request::header);
    return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static final AtomicLong REMOTE_IDS = new AtomicLong();

  /** A delivery id no other remote-key scenario of this run uses (unique, not secret). */
  private static String remoteId() {
    return "rk-" + ProcessHandle.current().pid() + "-" + REMOTE_IDS.incrementAndGet();
  }

  @Nested
  @DisplayName("remote keys")
  class RemoteKeyEndpoints {
    @ParameterizedTest(name = "{0}")
    @MethodSource("io.webhookkit.test.WebhookAdapterConformanceKit#remoteKeyPresets")
    void aDeliverySignedWithTheProvidersKeyReachesTheHandlerOnceAndItsRetryIsADuplicate(
        String preset) throws Exception {
      RemoteKeyPresets.Delivery delivery =
          RemoteKeyPresets.delivery(preset, remoteId(), Instant.now(), false);
      HttpResponse<byte[]> response = post(preset, delivery);
      assertThat(response.statusCode())
          .as(new String(response.body(), StandardCharsets.UTF_8))
          .isEqualTo(200);
      List<ConformanceHandler.Call> calls = handler.callsFor(delivery.deliveryId());
      assertThat(calls).hasSize(1);
      assertThat(Objects.requireNonNull(calls.get(0).event()).provider()).isEqualTo(preset);
      assertThat(calls.get(0).body()).isEqualTo(delivery.body().getBytes(StandardCharsets.UTF_8));
      assertThat(post(preset, delivery).statusCode()).isEqualTo(200);
      assertThat(handler.callsFor(delivery.deliveryId())).hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.webhookkit.test.WebhookAdapterConformanceKit#remoteKeyPresets")
    void aDeliverySignedWithAKeyTheProviderDoesNotServeIsRefused(String preset) throws Exception {
      RemoteKeyPresets.Delivery forged =
          RemoteKeyPresets.delivery(preset, remoteId(), Instant.now(), true);
      assertRefused(post(preset, forged), 401, "signature_invalid");
      assertThat(handler.callsFor(forged.deliveryId())).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.webhookkit.test.WebhookAdapterConformanceKit#remoteKeyPresets")
    void aTamperedOrStaleDeliveryIsRefused(String preset) throws Exception {
      if (RemoteKeyPresets.coversBody(preset)) {
        RemoteKeyPresets.Delivery tampered =
            RemoteKeyPresets.tampered(
                RemoteKeyPresets.delivery(preset, remoteId(), Instant.now(), false));
        assertRefused(post(preset, tampered), 401, "signature_invalid");
      }
      if (RemoteKeyPresets.timed(preset)) {
        RemoteKeyPresets.Delivery stale =
            RemoteKeyPresets.delivery(
                preset, remoteId(), Instant.now().minus(Duration.ofHours(2)), false);
        assertRefused(post(preset, stale), 401, "timestamp_out_of_tolerance");
      }
      assertThat(RemoteKeyPresets.coversBody(preset) || RemoteKeyPresets.timed(preset)).isTrue();
    }
  }

  @Nested
  @DisplayName("signatures over the exact bytes")
  class Signatures {
    @ParameterizedTest(name = "{1}")
    @MethodSource("io.webhookkit.test.WebhookAdapterConformanceKit#presets")
    void aValidDeliveryReachesTheHandlerOnceWithIdenticalBytes(
        String endpoint, TestDelivery delivery) throws Exception {
      HttpResponse<byte[]> response = post(endpoint, delivery);

      assertThat(response.statusCode())
          .as(new String(response.body(), StandardCharsets.UTF_8))
          .isEqualTo(200);
      List<ConformanceHandler.Call> calls = handler.callsFor(delivery.id());
      assertThat(calls).hasSize(1);
      assertThat(calls.get(0).endpoint()).isEqualTo(endpoint);
      assertThat(calls.get(0).event()).isNotNull();
      assertThat(Objects.requireNonNull(calls.get(0).event()).endpoint()).isEqualTo(endpoint);
      assertThat(calls.get(0).body()).isEqualTo(delivery.body());
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("io.webhookkit.test.WebhookAdapterConformanceKit#presets")
    void aTamperedBodyIsRefusedWithoutCallingTheHandler(String endpoint, TestDelivery delivery)
        throws Exception {
      assertRefused(post(endpoint, delivery.withTamperedBody()), 401, "signature_invalid");
      assertThat(handler.callsFor(delivery.id())).isEmpty();
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("io.webhookkit.test.WebhookAdapterConformanceKit#presets")
    void aWrongSecretIsRefused(String endpoint, TestDelivery delivery) throws Exception {
      assertRefused(post(endpoint, delivery.withWrongSecret()), 401, "signature_invalid");
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("io.webhookkit.test.WebhookAdapterConformanceKit#presets")
    void aMissingSignatureIsRefused(String endpoint, TestDelivery delivery) throws Exception {
      assertRefused(post(endpoint, delivery.withoutSignature()), 401, "signature_missing");
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("io.webhookkit.test.WebhookAdapterConformanceKit#presets")
    void aMalformedSignatureIsRefused(String endpoint, TestDelivery delivery) throws Exception {
      assertRefused(post(endpoint, delivery.withMalformedSignature()), 401, "signature_invalid");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.webhookkit.test.WebhookAdapterConformanceKit#catalogue")
    void aCataloguePresetsDeliveryReachesTheHandlerOnceAndItsRetryIsADuplicate(
        String preset, TestDelivery delivery) throws Exception {
      HttpResponse<byte[]> response = post(preset, delivery);

      assertThat(response.statusCode())
          .as(new String(response.body(), StandardCharsets.UTF_8))
          .isEqualTo(200);
      List<ConformanceHandler.Call> calls = handler.callsFor(delivery.id());
      assertThat(calls).hasSize(1);
      assertThat(Objects.requireNonNull(calls.get(0).event()).provider()).isEqualTo(preset);
      assertThat(calls.get(0).body()).isEqualTo(delivery.body());
      assertThat(post(preset, delivery).statusCode()).isEqualTo(200);
      assertThat(handler.callsFor(delivery.id())).hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.webhookkit.test.WebhookAdapterConformanceKit#catalogue")
    void aCataloguePresetsDeliveryWithAWrongSecretIsRefused(String preset, TestDelivery delivery)
        throws Exception {
      TestDelivery wrong = delivery.withWrongSecret();
      assertRefused(post(preset, wrong), 401, "signature_invalid");
      assertThat(handler.callsFor(wrong.id())).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.webhookkit.test.WebhookAdapterConformanceKit#catalogueSignedInHeaders")
    void aCataloguePresetsDeliveryWithoutItsSignatureHeaderIsRefused(
        String preset, TestDelivery delivery) throws Exception {
      TestDelivery unsigned = delivery.withoutSignature();
      assertRefused(post(preset, unsigned), 401, "signature_missing");
      assertThat(handler.callsFor(unsigned.id())).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.webhookkit.test.WebhookAdapterConformanceKit#catalogueSignedBodies")
    void aCataloguePresetsTamperedBodyIsRefused(String preset, TestDelivery delivery)
        throws Exception {
      assertRefused(post(preset, delivery.withTamperedBody()), 401, "signature_invalid");
    }

    @Test
    void eitherSecretVerifiesDuringRotationAndTheEventNamesWhichOne() throws Exception {
      TestDelivery old = TestDelivery.github(ConformanceEndpoints.GITHUB_PREVIOUS_SECRET);
      TestDelivery current = TestDelivery.github(ConformanceEndpoints.GITHUB_SECRET);

      assertThat(post("github", old).statusCode()).isEqualTo(200);
      assertThat(post("github", current).statusCode()).isEqualTo(200);

      assertThat(Objects.requireNonNull(handler.callsFor(old.id()).get(0).event()).secretLabel())
          .isEqualTo("secrets[0]");
      assertThat(
              Objects.requireNonNull(handler.callsFor(current.id()).get(0).event()).secretLabel())
          .isEqualTo("secrets[1]");
    }

    @Test
    void aSecondSignatureInTheSameHeaderIsAccepted() throws Exception {
      assertThat(
              post(
                      "stripe",
                      TestDelivery.stripe(ConformanceEndpoints.STRIPE_SECRET)
                          .withSecondSignature("whsec_rolled"))
                  .statusCode())
          .isEqualTo(200);
      assertThat(
              post(
                      "standard-webhooks",
                      TestDelivery.standardWebhooks(ConformanceEndpoints.STANDARD_WEBHOOKS_SECRET)
                          .withSecondSignature("whsec_c2Vjb25kIHNlY3JldCwgMjQgYnl0ZXMgbG9uZw=="))
                  .statusCode())
          .isEqualTo(200);
    }
  }

  @Nested
  @DisplayName("signed timestamps, both sides of the window")
  class Timestamps {
    @ParameterizedTest(name = "{1}")
    @MethodSource("io.webhookkit.test.WebhookAdapterConformanceKit#timestamped")
    void staleAndFutureTimestampsAreRefused(String endpoint, TestDelivery delivery)
        throws Exception {
      assertRefused(
          post(endpoint, delivery.withStaleTimestamp()), 401, "timestamp_out_of_tolerance");
      assertRefused(
          post(endpoint, delivery.withFutureTimestamp()), 401, "timestamp_out_of_tolerance");
      assertThat(handler.callsFor(delivery.id())).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.webhookkit.test.WebhookAdapterConformanceKit#catalogueTimestamped")
    void aCataloguePresetsStaleTimestampIsRefused(String preset, TestDelivery delivery)
        throws Exception {
      assertRefused(post(preset, delivery.withStaleTimestamp()), 401, "timestamp_out_of_tolerance");
      assertThat(handler.callsFor(delivery.withStaleTimestamp().id())).isEmpty();
    }
  }

  @Nested
  @DisplayName("endpoint-verification handshakes")
  class Handshakes {
    @Test
    void zoomUrlValidationIsAnsweredWithTheEncryptedToken() throws Exception {
      String plain = "qgg8vlvZRS6UYooatFL8" + UUID.randomUUID().toString().substring(0, 4);
      TestDelivery validation =
          TestDelivery.of("zoom", ConformanceEndpoints.signingSecret("zoom"))
              .withBody(
                  "{\"payload\":{\"plainToken\":\""
                      + plain
                      + "\"},\"event_ts\":1654503849680,\"event\":\"endpoint.url_validation\"}");

      assertAnswer(
          post("zoom", validation),
          "application/json",
          "{\"plainToken\":\""
              + plain
              + "\",\"encryptedToken\":\""
              + hmacSha256(ConformanceEndpoints.configuredSecret("zoom"), plain, false)
              + "\"}");
      assertThat(handler.callsWithBodyContaining(plain)).isEmpty();
      assertRefused(post("zoom", validation.withoutSignature()), 401, "signature_missing");
    }

    @Test
    void twitchCallbackVerificationIsAnsweredWithTheChallengeAfterTheSignature() throws Exception {
      String challenge = "pogchamp-kappa-360noscope-vohiyo-" + System.nanoTime();
      TestDelivery verification =
          TestDelivery.of("twitch", ConformanceEndpoints.signingSecret("twitch"))
              .withHeader("Twitch-Eventsub-Message-Type", "webhook_callback_verification")
              .withBody(
                  "{\"challenge\":\""
                      + challenge
                      + "\",\"subscription\":{\"id\":\"f1c2a387-161a-49f9-a165-0f21d7a4e1c4\","
                      + "\"status\":\"webhook_callback_verification_pending\",\"type\":\"channel.follow\"}}");

      HttpResponse<byte[]> answered = post("twitch", verification);

      assertAnswer(answered, "text/plain", challenge);
      assertThat(handler.callsWithBodyContaining(challenge)).isEmpty();
      assertRefused(post("twitch", verification.withWrongSecret()), 401, "signature_invalid");
    }

    @Test
    void trelloAndMandrillHeadChecksAreAnsweredWithoutABody() throws Exception {
      for (String endpoint : List.of("trello", "mandrill")) {
        HttpResponse<byte[]> head = send("HEAD", endpoint);
        assertThat(head.statusCode()).as(endpoint).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertRefused(send("GET", endpoint), 401, "signature_missing");
      }
    }

    @Test
    void wooCommercesUnsignedCreationPingIsAnsweredWithoutReachingTheHandler() throws Exception {
      String id = Long.toString(1 + (System.nanoTime() & 0xffffff));
      HttpResponse<byte[]> ping = postForm("woocommerce", "webhook_id=" + id);
      assertThat(ping.statusCode())
          .as(new String(ping.body(), StandardCharsets.UTF_8))
          .isEqualTo(200);
      assertThat(ping.body()).isEmpty();
      assertThat(handler.callsWithBodyContaining("webhook_id=" + id)).isEmpty();
      assertRefused(
          postForm("woocommerce", "webhook_id=" + id + "&more=1"), 401, "signature_missing");
    }

    @Test
    void metaSubscriptionGetIsAnsweredOnlyWithTheVerifyToken() throws Exception {
      String challenge = Long.toString(System.nanoTime());
      assertAnswer(
          send(
              "GET",
              "meta?hub.mode=subscribe&hub.challenge="
                  + challenge
                  + "&hub.verify_token="
                  + ConformanceEndpoints.META_VERIFY_TOKEN),
          "text/plain",
          challenge);
      assertRefused(
          send("GET", "meta?hub.mode=subscribe&hub.challenge=1&hub.verify_token=guess"),
          401,
          "signature_missing");
    }

    @Test
    void twitterCrcGetIsAnsweredWithTheResponseToken() throws Exception {
      String crc = "crc" + System.nanoTime();
      assertAnswer(
          send("GET", "twitter?crc_token=" + crc),
          "application/json",
          "{\"response_token\":\"sha256="
              + hmacSha256(ConformanceEndpoints.configuredSecret("twitter"), crc, true)
              + "\"}");
    }

    @Test
    void dropboxChallengeGetIsEchoedAsPlainTextNotSniffed() throws Exception {
      String challenge = "dbx" + System.nanoTime();
      HttpResponse<byte[]> response = send("GET", "dropbox?challenge=" + challenge);
      assertAnswer(response, "text/plain", challenge);
      assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }

    @Test
    void adobeIoAndNylasChallengesAreEchoedAsPlainText() throws Exception {
      for (String endpoint : List.of("adobe-io", "nylas")) {
        String challenge = endpoint + System.nanoTime();
        HttpResponse<byte[]> response = send("GET", endpoint + "?challenge=" + challenge);
        assertAnswer(response, "text/plain", challenge);
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
      }
    }

    @Test
    void braintreeChallengeIsAnsweredWithThePublicKeyAndTheChallengesHmac() throws Exception {
      String[] pair = ConformanceEndpoints.configuredSecret("braintree").split(":", 2);
      String challenge = "bt" + System.nanoTime();
      byte[] key =
          MessageDigest.getInstance("SHA-1").digest(pair[1].getBytes(StandardCharsets.UTF_8));
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(key, "HmacSHA1"));
      String expected =
          pair[0]
              + "|"
              + HexFormat.of().formatHex(mac.doFinal(challenge.getBytes(StandardCharsets.UTF_8)));
      assertAnswer(send("GET", "braintree?bt_challenge=" + challenge), "text/plain", expected);
    }

    @Test
    void ebayChallengeCodeIsAnsweredWithTheDigestOfCodeTokenAndEndpoint() throws Exception {
      Map<String, String> keys = RemoteKeyPresets.endpointKeys("ebay");
      String code = "a8628072-3d33-45ee-" + System.nanoTime();
      String digest =
          HexFormat.of()
              .formatHex(
                  MessageDigest.getInstance("SHA-256")
                      .digest(
                          (code + keys.get("verify-token") + keys.get("public-url"))
                              .getBytes(StandardCharsets.UTF_8)));
      assertAnswer(
          send("GET", "ebay?challenge_code=" + code),
          "application/json",
          "{\"challengeResponse\":\"" + digest + "\"}");
    }

    @Test
    void microsoftGraphValidationTokenIsEchoedDecoded() throws Exception {
      String token = "Validation: Testing client application reachability " + System.nanoTime();
      assertAnswer(
          send(
              "POST",
              "microsoft-graph?validationToken="
                  + URLEncoder.encode(token, StandardCharsets.UTF_8).replace("+", "%20"),
              "Content-Type",
              "text/plain"),
          "text/plain",
          token);
    }

    @Test
    void azureEventGridSubscriptionValidationIsAnsweredAfterTheSecretVerified() throws Exception {
      String code = UUID.randomUUID().toString();
      TestDelivery validation =
          TestDelivery.of(
                  "azure-event-grid", ConformanceEndpoints.signingSecret("azure-event-grid"))
              .withBody(
                  "[{\"id\":\"2d1781af\",\"topic\":\"/subscriptions/x\",\"subject\":\"\","
                      + "\"data\":{\"validationCode\":\""
                      + code
                      + "\"},\"eventType\":\"Microsoft.EventGrid.SubscriptionValidationEvent\","
                      + "\"eventTime\":\"2018-01-25T22:12:19.4556811Z\",\"dataVersion\":\"1\"}]")
              .withHeader("aeg-event-type", "SubscriptionValidation");

      assertAnswer(
          post("azure-event-grid", validation),
          "application/json",
          "{\"validationResponse\":\"" + code + "\"}");
      assertRefused(
          post("azure-event-grid", validation.withoutSignature()), 401, "signature_missing");
    }

    @Test
    void cloudEventsOptionsIsAnsweredWithTheAllowedOrigin() throws Exception {
      HttpResponse<byte[]> response =
          send(
              "OPTIONS",
              "cloudevents",
              "WebHook-Request-Origin",
              "eventemitter.example.com",
              "WebHook-Request-Rate",
              "120");
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.headers().firstValue("WebHook-Allowed-Origin"))
          .hasValue("eventemitter.example.com");
      assertThat(response.headers().firstValue("WebHook-Allowed-Rate")).hasValue("*");
    }

    @Test
    void oktaVerificationGetIsAnsweredAfterItsAuthorizationVerified() throws Exception {
      String challenge = "oHx2-" + System.nanoTime();
      assertAnswer(
          send(
              "GET",
              "okta",
              "Authorization",
              ConformanceEndpoints.configuredSecret("okta"),
              "X-Okta-Verification-Challenge",
              challenge),
          "application/json",
          "{\"verification\":\"" + challenge + "\"}");
      assertRefused(
          send("GET", "okta", "X-Okta-Verification-Challenge", challenge),
          401,
          "signature_missing");
      HttpResponse<byte[]> noChallenge =
          send("GET", "okta", "Authorization", ConformanceEndpoints.configuredSecret("okta"));
      assertRefused(noChallenge, 405, "method_not_allowed");
      assertThat(noChallenge.headers().firstValue("Allow")).hasValue("POST");
    }

    @Test
    void discordPingIsAnsweredWithPong() throws Exception {
      TestDelivery ping =
          TestDelivery.of("discord", ConformanceEndpoints.DISCORD_SIGNING_KEY)
              .withBody(
                  "{\"application_id\":\"1\",\"id\":\"" + System.nanoTime() + "\",\"type\":1}");
      assertAnswer(post("discord", ping), "application/json", "{\"type\":1}");
      assertRefused(post("discord", ping.withTamperedBody()), 401, "signature_invalid");
    }

    @Test
    void slackUrlVerificationIsAnsweredAndNotPassedDownstream() throws Exception {
      String challenge =
          "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P"
              + UUID.randomUUID().toString().substring(0, 8);

      HttpResponse<byte[]> response =
          post(
              "slack",
              TestDelivery.slackUrlVerification(ConformanceEndpoints.SLACK_SECRET, challenge));

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.headers().firstValue("Content-Type"))
          .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
      assertThat(new String(response.body(), StandardCharsets.UTF_8))
          .isEqualTo("{\"challenge\":\"" + challenge + "\"}");
      assertThat(handler.callsWithBodyContaining(challenge)).isEmpty();
    }

    @Test
    void anUnsignedSlackUrlVerificationIsRefused() throws Exception {
      TestDelivery unsigned =
          TestDelivery.slackUrlVerification(
                  ConformanceEndpoints.SLACK_SECRET, "c" + UUID.randomUUID())
              .withoutSignature();
      assertRefused(post("slack", unsigned), 401, "signature_missing");
    }
  }

  @Nested
  @DisplayName("bodies as received, read by the application")
  class Bodies {
    @ParameterizedTest(name = "{0}")
    @MethodSource("io.webhookkit.test.WebhookAdapterConformanceKit#unusualBodies")
    void unusualBytesArriveByteForByte(String label, byte[] body) throws Exception {
      String id =
          new String(body, StandardCharsets.UTF_8)
              .replaceAll("(?s).*\"id\":\\s*\"([^\"]+)\".*", "$1");
      TestDelivery delivery =
          TestDelivery.stripe(ConformanceEndpoints.STRIPE_SECRET).withId(id).withBody(body);

      assertThat(post("stripe", delivery).statusCode()).isEqualTo(200);
      assertThat(handler.callsFor(id))
          .singleElement()
          .satisfies(c -> assertThat(c.body()).isEqualTo(body));
    }

    @Test
    void aSlackCommandsFormFieldsAreReadableDownstream() throws Exception {
      TestDelivery command = TestDelivery.slackCommand(ConformanceEndpoints.SLACK_SECRET);

      assertThat(post("slack", command).statusCode()).isEqualTo(200);

      ConformanceHandler.Call call = handler.callsFor(command.id()).get(0);
      assertThat(call.parameters())
          .containsEntry("command", List.of("/deploy"))
          .containsEntry("text", List.of("now please"))
          .containsEntry("trigger_id", List.of(command.id()));
      assertThat(call.body()).isEqualTo(command.body());
    }

    @Test
    void aBodyThatArrives300msAfterTheHeadersIsStillVerified() throws Exception {
      TestDelivery delivery = TestDelivery.stripe(ConformanceEndpoints.STRIPE_SECRET);
      RawHttp.Response response =
          RawHttp.to(endpoint("stripe"))
              .headers(delivery.headers())
              .body(delivery.body())
              .delayBody(Duration.ofMillis(300))
              .send();

      assertThat(response.status()).as(response.bodyText()).isEqualTo(200);
      assertThat(handler.callsFor(delivery.id()))
          .singleElement()
          .satisfies(c -> assertThat(c.body()).isEqualTo(delivery.body()));
    }
  }

  @Nested
  @DisplayName("client addresses, proxies and HTTPS")
  class ClientAddress {
    @Test
    void theAllowlistAdmitsOnlyListedClientsBehindTrustedProxies() throws Exception {
      TestDelivery listed =
          TestDelivery.github(ConformanceEndpoints.GITHUB_SECRET)
              .withHeader("X-Forwarded-For", "192.0.2.10")
              .withHeader("X-Forwarded-Proto", "https");
      TestDelivery listedV6 =
          TestDelivery.github(ConformanceEndpoints.GITHUB_SECRET)
              .withHeader("Forwarded", "for=\"[2001:db8::5]:443\";proto=https");
      TestDelivery unlisted =
          TestDelivery.github(ConformanceEndpoints.GITHUB_SECRET)
              .withHeader("X-Forwarded-For", "198.51.100.7")
              .withHeader("X-Forwarded-Proto", "https");

      assertThat(post("allowlisted", listed).statusCode()).isEqualTo(200);
      assertThat(post("allowlisted", listedV6).statusCode()).isEqualTo(200);
      assertRefused(post("allowlisted", unlisted), 403, "ip_not_allowed");
      assertThat(handler.callsFor(unlisted.id())).isEmpty();
    }

    @Test
    void forwardingHeadersFromAnUntrustedPeerAreIgnored() throws Exception {
      TestDelivery spoofed =
          TestDelivery.github(ConformanceEndpoints.GITHUB_SECRET)
              .withHeader("X-Forwarded-For", "192.0.2.10")
              .withHeader("Forwarded", "for=192.0.2.10;proto=https");
      assertRefused(post("no-proxy", spoofed), 403, "ip_not_allowed");
    }

    @Test
    void httpsIsRequiredForRemoteClientsAndOnlyATrustedProxysProtoCounts() throws Exception {
      TestDelivery plain =
          TestDelivery.github(ConformanceEndpoints.GITHUB_SECRET)
              .withHeader("X-Forwarded-For", "203.0.113.5");
      TestDelivery tls =
          plain.withId(UUID.randomUUID().toString()).withHeader("X-Forwarded-Proto", "https");
      TestDelivery spoofedThenHttp =
          plain.withId(UUID.randomUUID().toString()).withHeader("X-Forwarded-Proto", "https, http");

      assertRefused(post("https-only", plain), 403, "https_required");
      assertThat(post("https-only", tls).statusCode()).isEqualTo(200);
      assertRefused(post("https-only", spoofedThenHttp), 403, "https_required");
    }
  }

  @Nested
  @DisplayName("body size and rate limits")
  class Limits {
    /**
     * Answered from the headers alone: the body is never sent, and the answer may not wait for it.
     */
    @Test
    void anOversizedBodyIsRefusedByItsContentLength() throws Exception {
      RawHttp.Response response =
          RawHttp.to(endpoint("small"))
              .headers(TestDelivery.github(ConformanceEndpoints.GITHUB_SECRET).headers())
              .declareLengthWithoutBody(4096)
              .readTimeout(Duration.ofSeconds(5))
              .send();
      assertRefused(response, 413, "payload_too_large");
    }

    /**
     * A provider sends its whole body before it reads the answer. When the endpoint answers 413 and
     * closes with the rest of the body unread, the kernel resets the connection and the provider
     * may see no answer at all; the kit reads and discards the rest (up to {@code
     * BoundedBody.SWALLOW_LIMIT}) so that the 413 arrives. Repeated, since the reset is a race.
     */
    @Test
    void aProviderStillSendingAnOversizedBodyReadsThe413() throws Exception {
      String pad = "x".repeat(600 * 1024);
      for (int i = 0; i < 12; i++) {
        TestDelivery big =
            TestDelivery.github(ConformanceEndpoints.GITHUB_SECRET)
                .withId(UUID.randomUUID().toString())
                .withBody("{\"pad\":\"" + pad + "\"}");
        assertRefused(post("small", big), 413, "payload_too_large");
        RawHttp.Response chunked =
            RawHttp.to(endpoint("small")).headers(big.headers()).body(big.body()).chunked().send();
        assertRefused(chunked, 413, "payload_too_large");
      }
    }

    @Test
    void anOversizedChunkedBodyIsRefusedWhenItsLengthPassesTheLimit() throws Exception {
      TestDelivery big =
          TestDelivery.github(ConformanceEndpoints.GITHUB_SECRET)
              .withBody("{\"pad\":\"" + "x".repeat(4096) + "\"}");
      RawHttp.Response response =
          RawHttp.to(endpoint("small")).headers(big.headers()).body(big.body()).chunked().send();
      assertRefused(response, 413, "payload_too_large");
      TestDelivery fits =
          TestDelivery.github(ConformanceEndpoints.GITHUB_SECRET)
              .withBody("{\"pad\":\"" + "x".repeat(900) + "\"}");
      assertThat(
              RawHttp.to(endpoint("small"))
                  .headers(fits.headers())
                  .body(fits.body())
                  .chunked()
                  .send()
                  .status())
          .isEqualTo(200);
    }

    @Test
    void overTheRateLimitIsRefusedWith429AndRetryAfter() throws Exception {
      List<Integer> statuses = new ArrayList<>();
      HttpResponse<byte[]> last =
          post("limited", TestDelivery.github(ConformanceEndpoints.GITHUB_SECRET));
      statuses.add(last.statusCode());
      for (int i = 1; i < 4; i++) {
        last = post("limited", TestDelivery.github(ConformanceEndpoints.GITHUB_SECRET));
        statuses.add(last.statusCode());
      }
      assertThat(statuses).containsExactly(200, 200, 200, 429);
      assertRefused(last, 429, "rate_limited");
      assertThat(last.headers().firstValue("Retry-After")).isPresent();
    }
  }

  @Nested
  @DisplayName("once per delivery, although providers retry")
  class Idempotency {
    @Test
    void aDuplicateIsAnsweredWithoutCallingTheHandlerAgain() throws Exception {
      TestDelivery delivery = TestDelivery.stripe(ConformanceEndpoints.STRIPE_SECRET);
      assertThat(post("stripe", delivery).statusCode()).isEqualTo(200);
      assertThat(post("stripe", delivery).statusCode()).isEqualTo(200);
      assertThat(handler.callsFor(delivery.id())).hasSize(1);
    }

    @Test
    void aHandlerFailureIsReleasedAndTheProvidersRetryIsProcessed() throws Exception {
      TestDelivery delivery =
          TestDelivery.standardWebhooks(ConformanceEndpoints.STANDARD_WEBHOOKS_SECRET);
      handler.failNext(delivery.id(), 1);
      ProviderSimulator provider =
          ProviderSimulator.builder()
              .schedule(RetrySchedule.standardWebhooks())
              .timeScale(0.001)
              .build();

      ProviderSimulator.DeliveryLog log = provider.deliver(endpoint("standard-webhooks"), delivery);

      assertThat(log.attempts())
          .extracting(ProviderSimulator.Attempt::status)
          .containsExactly(500, 200);
      assertThat(handler.callsFor(delivery.id())).hasSize(2);
      assertThat(provider.sendOnce(endpoint("standard-webhooks"), delivery).status())
          .isEqualTo(200);
      assertThat(handler.callsFor(delivery.id())).hasSize(2);
    }

    @Test
    void twentyConcurrentDuplicatesAreProcessedOnce() throws Exception {
      TestDelivery delivery = TestDelivery.github(ConformanceEndpoints.GITHUB_SECRET);
      CountDownLatch entered = new CountDownLatch(1);
      CountDownLatch gate = new CountDownLatch(1);
      handler.hold(delivery.id(), entered, gate);
      CountDownLatch refused = new CountDownLatch(19);
      List<CompletableFuture<HttpResponse<byte[]>>> responses = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        CompletableFuture<HttpResponse<byte[]>> f =
            CLIENT.sendAsync(
                delivery.toHttpRequest(endpoint("github")),
                HttpResponse.BodyHandlers.ofByteArray());
        responses.add(f.whenComplete((r, e) -> refused.countDown()));
      }

      assertThat(entered.await(30, TimeUnit.SECONDS)).isTrue();
      assertThat(refused.await(30, TimeUnit.SECONDS))
          .as("19 duplicates answered while the first is in the handler")
          .isTrue();
      gate.countDown();

      List<Integer> statuses = new ArrayList<>();
      for (CompletableFuture<HttpResponse<byte[]>> f : responses) {
        HttpResponse<byte[]> r = f.get(30, TimeUnit.SECONDS);
        statuses.add(r.statusCode());
        if (r.statusCode() == 409) {
          assertRefused(r, 409, "delivery_in_progress");
          assertThat(r.headers().firstValue("Retry-After")).isPresent();
        }
      }
      assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
      assertThat(statuses).filteredOn(s -> s == 409).hasSize(19);
      assertThat(handler.callsFor(delivery.id())).hasSize(1);
    }
  }

  @Nested
  @DisplayName("handed to Kafka: processing=forward")
  class Forward {
    private TestDelivery delivery(String prefix) {
      return TestDelivery.github(ConformanceEndpoints.GITHUB_SECRET)
          .withId(prefix + "-" + UUID.randomUUID());
    }

    private List<ConsumerRecord<byte[], byte[]>> records(TestDelivery d) {
      return ConformanceKafka.records(ConformanceEndpoints.FORWARD + ":" + d.id());
    }

    private String header(ConsumerRecord<byte[], byte[]> r, String name) {
      Header h = r.headers().lastHeader(name);
      assertThat(h).as(name).isNotNull();
      return new String(h.value(), StandardCharsets.UTF_8);
    }

    @Test
    void aForwardedDeliveryArrivesOnceWithItsBytesAndHeadersAndADuplicatePublishesNothing()
        throws Exception {
      byte[] body =
          "{\"zen\":\"Caf\u00e9 \u2615\",\r\n \"hook_id\" : 1.50}".getBytes(StandardCharsets.UTF_8);
      TestDelivery d = delivery("fwd").withBody(body);

      HttpResponse<byte[]> first = post(ConformanceEndpoints.FORWARD, d);
      assertThat(first.statusCode())
          .as(new String(first.body(), StandardCharsets.UTF_8))
          .isEqualTo(202);
      assertThat(first.headers().firstValue("Webhook-Delivery-State")).contains("forwarded");
      assertThat(post(ConformanceEndpoints.FORWARD, d).statusCode()).isEqualTo(202);

      List<ConsumerRecord<byte[], byte[]>> records = records(d);
      assertThat(records).as("published once, the duplicate not").hasSize(1);
      ConsumerRecord<byte[], byte[]> r = records.get(0);
      assertThat(r.value()).isEqualTo(body);
      assertThat(header(r, ForwardedRecord.ENDPOINT)).isEqualTo(ConformanceEndpoints.FORWARD);
      assertThat(header(r, ForwardedRecord.PROVIDER)).isEqualTo("github");
      assertThat(header(r, ForwardedRecord.DELIVERY_ID)).isEqualTo(d.id());
      assertThat(header(r, ForwardedRecord.EVENT_TYPE)).isEqualTo(d.eventType());
      assertThat(header(r, ForwardedRecord.SECRET_LABEL)).isEqualTo("secrets[0]");
      assertThat(header(r, ForwardedRecord.CONTENT_TYPE)).startsWith("application/json");
      for (Header h : r.headers()) {
        String value = new String(h.value(), StandardCharsets.UTF_8);
        ConformanceEndpoints.ALL_SECRETS.forEach(
            secret -> assertThat(value).as(h.key()).doesNotContain(secret));
      }
      assertThat(handler.callsFor(d.id())).as("a forwarding endpoint calls no handler").isEmpty();
    }

    @Test
    void aForgedDeliveryIsRefusedAndNotPublished() throws Exception {
      TestDelivery d = delivery("forged").withWrongSecret();
      assertRefused(post(ConformanceEndpoints.FORWARD, d), 401, "signature_invalid");
      assertThat(records(d)).isEmpty();
    }

    /**
     * The broker frozen ({@code SIGSTOP}: it answers nothing, as a hung or unreachable broker);
     * {@code webhook-kafka}'s own tests SIGKILL and restart it.
     */
    @Test
    void withTheBrokerDownTheProviderGets503AndItsRetryIsForwardedOnceItIsBack() throws Exception {
      KafkaBroker broker =
          ConformanceKafka.broker()
              .orElseThrow(() -> new IllegalStateException("the broker runs in another JVM"));
      TestDelivery before = delivery("before");
      assertThat(post(ConformanceEndpoints.FORWARD, before).statusCode()).isEqualTo(202);

      broker.pause();
      List<TestDelivery> refused = new ArrayList<>();
      try {
        for (int i = 0; i < 2; i++) {
          TestDelivery d = delivery("down-" + i);
          HttpResponse<byte[]> answer = post(ConformanceEndpoints.FORWARD, d);
          assertRefused(answer, 503, "forward_unavailable");
          assertThat(answer.headers().firstValue("Retry-After")).isPresent();
          refused.add(d);
        }
      } finally {
        broker.resume();
      }

      for (TestDelivery d : refused) {
        // the provider's retry, same id and body, until the producer has reconnected
        HttpResponse<byte[]> retry = post(ConformanceEndpoints.FORWARD, d);
        for (int i = 0; i < 20 && retry.statusCode() == 503; i++) {
          retry = post(ConformanceEndpoints.FORWARD, d);
        }
        assertThat(retry.statusCode()).isEqualTo(202);
        assertThat(records(d)).as("acknowledged, so in the topic").isNotEmpty();
      }
      assertThat(records(before)).as("what was acknowledged is there once").hasSize(1);
    }
  }

  @Nested
  @DisplayName("handled outside the request: deferred and auto")
  class Deferred {
    private static final Duration WAIT = Duration.ofSeconds(20);

    private TestDelivery invoice(String type) {
      return TestDelivery.stripe(ConformanceEndpoints.STRIPE_SECRET).withEventType(type);
    }

    private static void assertAcknowledged(HttpResponse<byte[]> r, int status, String state) {
      assertThat(r.statusCode()).as(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(status);
      assertThat(r.headers().firstValue("Webhook-Delivery-State")).contains(state);
    }

    @Test
    void aDeferredDeliveryIsAcknowledgedAtOnceAndHandledOnceWithItsBytes() throws Exception {
      TestDelivery delivery = invoice("invoice.paid");
      CountDownLatch entered = new CountDownLatch(1);
      CountDownLatch gate = new CountDownLatch(1);
      handler.hold(delivery.id(), entered, gate);

      // Answered while the handler has not finished (it is held): the ack did not wait for it.
      assertAcknowledged(post(ConformanceEndpoints.DEFERRED, delivery), 202, "queued");
      assertThat(entered.await(20, TimeUnit.SECONDS)).isTrue();
      gate.countDown();
      List<ConformanceHandler.Handled> runs = handler.awaitHandled(delivery.id(), 1, WAIT);

      ConformanceHandler.Handled run = runs.get(0);
      assertThat(run.endpoint()).isEqualTo(ConformanceEndpoints.DEFERRED);
      assertThat(run.event().body()).isEqualTo(delivery.body());
      assertThat(run.event().provider()).isEqualTo("stripe");
      assertThat(run.event().eventType()).contains("invoice.paid");
      assertThat(run.boundId()).as("the payload bound by the adapter").isEqualTo(delivery.id());
      assertThat(handler.callsFor(delivery.id())).as("no request-time handler").isEmpty();
      // The provider's retry after completion: the stored answer, and the handler is not run again.
      HttpResponse<byte[]> again = awaitCompleted(ConformanceEndpoints.DEFERRED, delivery);
      assertThat(again.statusCode()).isEqualTo(200);
      assertThat(handler.handledFor(delivery.id())).hasSize(1);
    }

    /** Sends the delivery again until its record is completed (the worker's last step). */
    private HttpResponse<byte[]> awaitCompleted(String endpoint, TestDelivery delivery)
        throws Exception {
      long end = System.nanoTime() + WAIT.toNanos();
      while (true) {
        HttpResponse<byte[]> r = post(endpoint, delivery);
        if (r.headers().firstValue("Webhook-Delivery-State").filter("completed"::equals).isPresent()
            || System.nanoTime() > end) {
          return r;
        }
        // The handler returned; the completion is being written. Ask again shortly.
        TimeUnit.MILLISECONDS.sleep(20);
      }
    }

    @Test
    void aDuplicateWhileTheHandlerRunsGetsTheAckStatusAndTheHandlerRunsOnce() throws Exception {
      TestDelivery delivery = invoice("invoice.paid");
      CountDownLatch entered = new CountDownLatch(1);
      CountDownLatch gate = new CountDownLatch(1);
      handler.hold(delivery.id(), entered, gate);
      assertAcknowledged(post(ConformanceEndpoints.DEFERRED, delivery), 202, "queued");
      assertThat(entered.await(20, TimeUnit.SECONDS)).isTrue();

      assertAcknowledged(post(ConformanceEndpoints.DEFERRED, delivery), 202, "processing");
      assertAcknowledged(post(ConformanceEndpoints.DEFERRED, delivery), 202, "processing");
      gate.countDown();

      assertThat(awaitCompleted(ConformanceEndpoints.DEFERRED, delivery).statusCode())
          .isEqualTo(200);
      assertThat(handler.handledFor(delivery.id())).hasSize(1);
    }

    @Test
    void aFailingHandlerIsRetriedOnTheEndpointsSchedule() throws Exception {
      TestDelivery delivery = invoice("invoice.paid");
      handler.failNext(delivery.id(), 2);

      assertAcknowledged(post(ConformanceEndpoints.DEFERRED, delivery), 202, "queued");
      List<ConformanceHandler.Handled> runs = handler.awaitHandled(delivery.id(), 3, WAIT);

      long minGap = ConformanceEndpoints.DEFERRED_RETRY.toNanos() - Duration.ofMillis(50).toNanos();
      assertThat(runs.get(1).atNanos() - runs.get(0).atNanos()).isGreaterThan(minGap);
      assertThat(runs.get(2).atNanos() - runs.get(1).atNanos()).isGreaterThan(minGap);
      assertThat(awaitCompleted(ConformanceEndpoints.DEFERRED, delivery).statusCode())
          .isEqualTo(200);
      assertThat(handler.handledFor(delivery.id())).hasSize(3);
    }

    @Test
    void afterItsLastAttemptADeliveryIsDeadListedAndReplayedThroughManagement() throws Exception {
      TestDelivery delivery = invoice("invoice.paid");
      handler.failNext(delivery.id(), ConformanceEndpoints.DEFERRED_ATTEMPTS);

      assertAcknowledged(post(ConformanceEndpoints.DEFERRED, delivery), 202, "queued");
      handler.awaitHandled(delivery.id(), ConformanceEndpoints.DEFERRED_ATTEMPTS, WAIT);
      awaitDead(delivery.id(), true);
      assertAcknowledged(post(ConformanceEndpoints.DEFERRED, delivery), 202, "dead");
      assertThat(handler.handledFor(delivery.id()))
          .as("a dead delivery is not retried by itself")
          .hasSize(ConformanceEndpoints.DEFERRED_ATTEMPTS);

      assertThat(replayDead(ConformanceEndpoints.DEFERRED)).isGreaterThanOrEqualTo(1);

      handler.awaitHandled(delivery.id(), ConformanceEndpoints.DEFERRED_ATTEMPTS + 1, WAIT);
      assertThat(awaitCompleted(ConformanceEndpoints.DEFERRED, delivery).statusCode())
          .isEqualTo(200);
      awaitDead(delivery.id(), false);
    }

    private void awaitDead(String id, boolean dead) throws Exception {
      long end = System.nanoTime() + WAIT.toNanos();
      while (deadDeliveries(ConformanceEndpoints.DEFERRED).stream().anyMatch(k -> k.contains(id))
          != dead) {
        assertThat(System.nanoTime())
            .as("waiting for " + id + (dead ? " to be dead" : " to leave the dead list"))
            .isLessThan(end);
        TimeUnit.MILLISECONDS.sleep(50); // the management view is polled: no event to wait on
      }
    }

    @Test
    void deliveriesAreRoutedToTheMostSpecificHandlerAndUnhandledTypesComplete() throws Exception {
      TestDelivery paid = invoice("invoice.paid");
      TestDelivery finalized = invoice("invoice.finalized");
      TestDelivery refunded = invoice("charge.refunded");

      assertAcknowledged(post(ConformanceEndpoints.DEFERRED, paid), 202, "queued");
      assertAcknowledged(post(ConformanceEndpoints.DEFERRED, finalized), 202, "queued");
      assertAcknowledged(post(ConformanceEndpoints.DEFERRED, refunded), 202, "queued");

      assertThat(handler.awaitHandled(paid.id(), 1, WAIT).get(0).route()).isEqualTo("invoice.paid");
      assertThat(handler.awaitHandled(finalized.id(), 1, WAIT).get(0).route())
          .isEqualTo("invoice.*");
      // No handler takes charge.*: completed as unhandled, not retried and not dead.
      assertThat(awaitCompleted(ConformanceEndpoints.DEFERRED, refunded).statusCode())
          .isEqualTo(200);
      assertThat(handler.handledFor(refunded.id())).isEmpty();
      assertThat(deadDeliveries(ConformanceEndpoints.DEFERRED))
          .noneMatch(k -> k.contains(refunded.id()));
    }

    @Test
    void autoAnswers200WhenTheHandlerCompletesWithinTheDeadline() throws Exception {
      TestDelivery delivery = TestDelivery.github(ConformanceEndpoints.GITHUB_SECRET);

      HttpResponse<byte[]> r = post(ConformanceEndpoints.AUTO, delivery);

      assertAcknowledged(r, 200, "completed");
      assertThat(handler.handledFor(delivery.id())).hasSize(1);
      assertThat(handler.handledFor(delivery.id()).get(0).event().body())
          .isEqualTo(delivery.body());
      assertAcknowledged(post(ConformanceEndpoints.AUTO, delivery), 200, "completed");
      assertThat(handler.handledFor(delivery.id())).hasSize(1);
    }

    @Test
    void autoAnswersTheAckStatusAtTheDeadlineAndAWorkerFinishesTheDelivery() throws Exception {
      TestDelivery delivery = TestDelivery.github(ConformanceEndpoints.GITHUB_SECRET);
      CountDownLatch entered = new CountDownLatch(1);
      CountDownLatch gate = new CountDownLatch(1);
      handler.hold(delivery.id(), entered, gate);

      long start = System.nanoTime();
      HttpResponse<byte[]> r = post(ConformanceEndpoints.AUTO, delivery);
      Duration took = Duration.ofNanos(System.nanoTime() - start);

      assertAcknowledged(r, 202, "processing");
      assertThat(took)
          .isGreaterThanOrEqualTo(ConformanceEndpoints.AUTO_DEADLINE.minusMillis(20))
          .isLessThan(ConformanceEndpoints.AUTO_DEADLINE.plusSeconds(5));
      assertThat(entered.getCount()).isZero();
      gate.countDown();
      assertThat(awaitCompleted(ConformanceEndpoints.AUTO, delivery).statusCode()).isEqualTo(200);
      assertThat(handler.handledFor(delivery.id())).hasSize(1);
    }
  }

  @Nested
  @DisplayName("what a refusal may show")
  class Refusals {
    @Test
    void refusalsNeverContainASecretOrTheExpectedSignature() throws Exception {
      TestDelivery valid = TestDelivery.github(ConformanceEndpoints.GITHUB_SECRET);
      String expected =
          Objects.requireNonNull(valid.headers().get("X-Hub-Signature-256"))
              .substring("sha256=".length());
      List<HttpResponse<byte[]>> refusals =
          List.of(
              post("github", valid.withTamperedBody()),
              post(
                  "stripe",
                  TestDelivery.stripe(ConformanceEndpoints.STRIPE_SECRET).withWrongSecret()),
              post(
                  "slack",
                  TestDelivery.slack(ConformanceEndpoints.SLACK_SECRET).withoutSignature()),
              post(
                  "standard-webhooks",
                  TestDelivery.standardWebhooks(ConformanceEndpoints.STANDARD_WEBHOOKS_SECRET)
                      .withStaleTimestamp()),
              post("no-proxy", TestDelivery.github(ConformanceEndpoints.GITHUB_SECRET)));
      for (HttpResponse<byte[]> r : refusals) {
        String body = new String(r.body(), StandardCharsets.UTF_8);
        assertThat(r.statusCode()).isBetween(400, 499);
        for (String secret : ConformanceEndpoints.ALL_SECRETS) {
          assertThat(body).doesNotContain(secret);
        }
        assertThat(body).doesNotContain(expected);
        r.headers()
            .map()
            .values()
            .forEach(values -> values.forEach(v -> assertThat(v).doesNotContain(expected)));
      }
    }
  }
}

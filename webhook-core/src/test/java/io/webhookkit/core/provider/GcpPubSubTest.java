package io.webhookkit.core.provider;

import static io.webhookkit.core.provider.PresetTests.post;
import static io.webhookkit.core.provider.PresetTests.proceeds;
import static io.webhookkit.core.provider.PresetTests.refused;
import static io.webhookkit.core.provider.PresetTests.responds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.webhookkit.core.Decision;
import io.webhookkit.core.EndpointConfig;
import io.webhookkit.core.MutableClock;
import io.webhookkit.core.Reason;
import io.webhookkit.core.WebhookConfigurationException;
import io.webhookkit.core.WebhookEvent;
import io.webhookkit.core.WebhookGuard;
import io.webhookkit.core.WebhookRequest;
import io.webhookkit.core.internal.keys.LocalHttpsServer;
import io.webhookkit.core.internal.keys.TestJwks;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code gcp-pubsub} preset through the whole guard, Google's key set served by a real local
 * HTTPS server (certificate made for the run) through the programmatic {@link RemoteKeys} only:
 * Google's published ID token (google-auth-library-java's {@code TokenVerifierTest
 * .FEDERATED_SIGNON_RS256_TOKEN}, with its key set {@code federated_keys.json}, on a clock inside
 * the token's life), then fresh tokens signed by a test key, each breaking one claim.
 */
class GcpPubSubTest {
  /** google-auth-library-java, oauth2_http/javatests/.../TokenVerifierTest.java (published). */
  private static final String GOOGLE_TOKEN =
      "eyJhbGciOiJSUzI1NiIsImtpZCI6ImY5ZDk3YjRjYWU5MGJjZDc2YWViMjAwMjZmNmI3NzBjYWMyMjE3ODMiLCJ0eXAiOiJKV1QifQ.eyJhdWQiOiJodHRwczovL2V4YW1wbGUuY29tL3BhdGgiLCJhenAiOiJpbnRlZ3JhdGlvbi10ZXN0c0BjaGluZ29yLXRlc3QuaWFtLmdzZXJ2aWNlYWNjb3VudC5jb20iLCJlbWFpbCI6ImludGVncmF0aW9uLXRlc3RzQGNoaW5nb3ItdGVzdC5pYW0uZ3NlcnZpY2VhY2NvdW50LmNvbSIsImVtYWlsX3ZlcmlmaWVkIjp0cnVlLCJleHAiOjE1ODc2Mjk4ODgsImlhdCI6MTU4NzYyNjI4OCwiaXNzIjoiaHR0cHM6Ly9hY2NvdW50cy5nb29nbGUuY29tIiwic3ViIjoiMTA0MDI5MjkyODUzMDk5OTc4MjkzIn0.Pj4KsJh7riU7ZIbPMcHcHWhasWEcbVjGP4yx_5E0iOpeDalTdri97E-o0dSSkuVX2FeBIgGUg_TNNgJ3YY97T737jT5DUYwdv6M51dDlLmmNqlu_P6toGCSRC8-Beu5gGmqS2Y82TmpHH9Vhoh5PsK7_rVHk8U6VrrVVKKTWm_IzTFhqX1oYKPdvfyaNLsXPbCt_NFE0C3DNmFkgVhRJu7LtzQQN-ghaqd3Ga3i6KH222OEI_PU4BUTvEiNOqRGoMlT_YOsyFN3XwqQ6jQGWhhkArL1z3CG2BVQjHTKpgVsRyy_H6WTZiju2Q-XWobgH-UPSZbyymV8-cFT9XKEtZQ";

  private static final String GOOGLE_AUDIENCE = "https://example.com/path";
  private static final String GOOGLE_ACCOUNT =
      "integration-tests@chingor-test.iam.gserviceaccount.com";

  /** Between the published token's iat (07:18:08) and exp (08:18:08). */
  private static final Instant GOOGLE_NOW = Instant.parse("2020-04-23T07:30:00Z");

  private static final String AUDIENCE = "https://hooks.example.com/pubsub";
  private static final String ACCOUNT = "push@orders-prod.iam.gserviceaccount.com";
  private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");
  private static final String CERTS = "/oauth2/v3/certs";

  @TempDir static Path dir;
  private static RSAKey testKey;
  private static RSAKey rotatedKey;

  private TestJwks jwks;
  private LocalHttpsServer server;

  @BeforeAll
  static void keys() throws Exception {
    testKey =
        new RSAKeyGenerator(2048).keyID("test-kid-1").algorithm(JWSAlgorithm.RS256).generate();
    rotatedKey = new RSAKeyGenerator(2048).keyID("test-kid-2").generate();
  }

  private static String googleKeys() throws IOException {
    try (InputStream in =
        GcpPubSubTest.class.getResourceAsStream(
            "/io/webhookkit/core/internal/keys/google/federated_keys.json")) {
      return new String(Objects.requireNonNull(in).readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @BeforeEach
  void start() throws Exception {
    jwks = new TestJwks(dir, CERTS, testKey);
    server = jwks.server();
  }

  @AfterEach
  void stop() throws Exception {
    jwks.close();
  }

  private WebhookGuard guard(MutableClock clock, String audience, String account) {
    EndpointConfig config =
        EndpointConfig.builder("pubsub")
            .provider("gcp-pubsub")
            .providerKey("audience", audience)
            .providerKey("service-account", account)
            .remoteKeys(jwks.remoteKeys(clock))
            .build();
    return WebhookGuard.builder(config).clock(clock).build();
  }

  private WebhookGuard guard(MutableClock clock) {
    return guard(clock, AUDIENCE, ACCOUNT);
  }

  /** A wrapped push as Pub/Sub sends it, with this bearer token. */
  private static WebhookRequest push(String messageId, String data, String token) {
    String body =
        "{\"message\":{\"attributes\":{\"origin\":\"orders\"},\"data\":\""
            + Base64.getEncoder().encodeToString(data.getBytes(StandardCharsets.UTF_8))
            + "\",\"messageId\":\""
            + messageId
            + "\",\"message_id\":\""
            + messageId
            + "\",\"publishTime\":\"2026-12-07T11:59:59.123Z\",\"publish_time\":"
            + "\"2026-12-07T11:59:59.123Z\"},\"subscription\":"
            + "\"projects/orders-prod/subscriptions/orders-push\"}";
    WebhookRequest.Builder b = post(body);
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return b.build();
  }

  /** A token as Pub/Sub's looks, signed by this key, its claims changed by the function. */
  private static String token(RSAKey key, UnaryOperator<JWTClaimsSet.Builder> change)
      throws Exception {
    return token(key, key.getKeyID(), change);
  }

  private static String token(RSAKey key, String kid, UnaryOperator<JWTClaimsSet.Builder> change)
      throws Exception {
    JWTClaimsSet.Builder claims =
        new JWTClaimsSet.Builder()
            .audience(AUDIENCE)
            .claim("azp", "104029292853099978293")
            .claim("email", ACCOUNT)
            .claim("email_verified", true)
            .issuer("https://accounts.google.com")
            .subject("104029292853099978293")
            .issueTime(Date.from(NOW.minusSeconds(600)))
            .expirationTime(Date.from(NOW.plusSeconds(3000)));
    return TestJwks.sign(key, kid, change.apply(claims).build());
  }

  private static String token(UnaryOperator<JWTClaimsSet.Builder> change) throws Exception {
    return token(testKey, change);
  }

  @Test
  void googlesPublishedIdTokenVerifiesAgainstItsPublishedKeySet() throws Exception {
    jwks.publish(googleKeys());
    MutableClock clock = new MutableClock(GOOGLE_NOW);
    WebhookGuard guard = guard(clock, GOOGLE_AUDIENCE, GOOGLE_ACCOUNT);

    WebhookEvent event = proceeds(guard, push("4111", "order 1 paid", GOOGLE_TOKEN));

    assertThat(event.deliveryId()).contains("4111");
    assertThat(event.secretLabel()).isEqualTo("google-jwks");
    assertThat(event.attribute("subscription"))
        .contains("projects/orders-prod/subscriptions/orders-push");
    assertThat(PubSubMessage.of(event).orElseThrow().dataAsString()).isEqualTo("order 1 paid");
    assertThat(server.log()).containsExactly(CERTS);

    // one changed character of the signature, another audience, after the expiry
    String forged = GOOGLE_TOKEN.substring(0, GOOGLE_TOKEN.length() - 2) + "ZA";
    refused(guard, push("4112", "x", forged), Reason.SIGNATURE_INVALID);
    refused(
        guard(clock, "https://example.com/other", GOOGLE_ACCOUNT),
        push("4113", "x", GOOGLE_TOKEN),
        Reason.SIGNATURE_INVALID);
    clock.advance(Duration.ofHours(1));
    refused(guard, push("4114", "x", GOOGLE_TOKEN), Reason.TIMESTAMP_OUT_OF_TOLERANCE);
  }

  @Test
  void aFreshTokenVerifiesAndTheKeySetIsFetchedOnceForManyPushes() throws Exception {
    WebhookGuard guard = guard(new MutableClock(NOW));
    for (int i = 0; i < 5; i++) {
      WebhookEvent event = proceeds(guard, push("m-" + i, "payload " + i, token(c -> c)));
      PubSubMessage message = PubSubMessage.of(event).orElseThrow();
      assertThat(message.messageId()).isEqualTo("m-" + i);
      assertThat(message.data()).isEqualTo(("payload " + i).getBytes(StandardCharsets.UTF_8));
      assertThat(message.attributes()).containsEntry("origin", "orders");
      assertThat(message.publishTime()).isEqualTo("2026-12-07T11:59:59.123Z");
    }
    assertThat(server.log()).containsExactly(CERTS);
  }

  @Test
  void eachClaimThatIsNotTheEndpointsIsRefused() throws Exception {
    MutableClock clock = new MutableClock(NOW);
    WebhookGuard guard = guard(clock);
    Map<String, UnaryOperator<JWTClaimsSet.Builder>> wrong =
        Map.of(
            "audience", c -> c.audience("https://hooks.example.com/other"),
            "issuer", c -> c.issuer("https://evil.example.com"),
            "email", c -> c.claim("email", "someone@else.iam.gserviceaccount.com"),
            "email unverified", c -> c.claim("email_verified", false),
            "email missing", c -> c.claim("email", null));
    for (var e : wrong.entrySet()) {
      Decision.Respond r = responds(guard, push("w-" + e.getKey(), "x", token(e.getValue())));
      assertThat(r.reason()).as(e.getKey()).isEqualTo(Reason.SIGNATURE_INVALID);
    }
    Map<String, UnaryOperator<JWTClaimsSet.Builder>> untimely =
        Map.of(
            "expired", c -> c.expirationTime(Date.from(NOW.minusSeconds(301))),
            "no expiry", c -> c.expirationTime(null),
            "issued in the future", c -> c.issueTime(Date.from(NOW.plusSeconds(301))),
            "not yet valid", c -> c.notBeforeTime(Date.from(NOW.plusSeconds(301))));
    for (var e : untimely.entrySet()) {
      Decision.Respond r = responds(guard, push("t-" + e.getKey(), "x", token(e.getValue())));
      assertThat(r.reason()).as(e.getKey()).isEqualTo(Reason.TIMESTAMP_OUT_OF_TOLERANCE);
    }
    // within the tolerance both ways: an expiry 299 s ago, an iat 299 s ahead
    proceeds(
        guard, push("ok-1", "x", token(c -> c.expirationTime(Date.from(NOW.minusSeconds(299))))));
    proceeds(guard, push("ok-2", "x", token(c -> c.issueTime(Date.from(NOW.plusSeconds(299))))));
  }

  @Test
  void missingMalformedUnsignedOrHmacTokensAreRefusedWithoutAFetch() throws Exception {
    WebhookGuard guard = guard(new MutableClock(NOW));
    refused(guard, push("n-1", "x", null), Reason.SIGNATURE_MISSING);
    refused(
        guard,
        post("{\"message\":{\"messageId\":\"n-2\"}}")
            .header("Authorization", "Basic dXNlcg==")
            .build(),
        Reason.SIGNATURE_INVALID);
    refused(guard, push("n-3", "x", "not.a.jwt"), Reason.SIGNATURE_INVALID);

    String header = "{\"alg\":\"none\",\"kid\":\"test-kid-1\"}";
    String claims = "{\"aud\":\"" + AUDIENCE + "\",\"email\":\"" + ACCOUNT + "\"}";
    String none =
        Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(header.getBytes(StandardCharsets.UTF_8))
            + "."
            + Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(claims.getBytes(StandardCharsets.UTF_8))
            + ".";
    refused(guard, push("n-4", "x", none), Reason.SIGNATURE_INVALID);

    // HS256 keyed with the public key's bytes: the algorithm-confusion attack
    SignedJWT hs =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("test-kid-1").build(),
            new JWTClaimsSet.Builder()
                .audience(AUDIENCE)
                .issuer("https://accounts.google.com")
                .claim("email", ACCOUNT)
                .claim("email_verified", true)
                .expirationTime(Date.from(NOW.plusSeconds(60)))
                .build());
    hs.sign(new MACSigner(testKey.toPublicJWK().toRSAPublicKey().getEncoded()));
    refused(guard, push("n-5", "x", hs.serialize()), Reason.SIGNATURE_INVALID);

    assertThat(server.log()).isEmpty();
  }

  @Test
  void aTokenSignedByAnotherKeyOrWithAForgedKeyIdIsRefusedAndForgedIdsRefreshBoundedly()
      throws Exception {
    MutableClock clock = new MutableClock(NOW);
    WebhookGuard guard = guard(clock);
    proceeds(guard, push("k-0", "x", token(c -> c)));

    RSAKey impostor = new RSAKeyGenerator(2048).keyID("test-kid-1").generate();
    refused(guard, push("k-1", "x", token(impostor, c -> c)), Reason.SIGNATURE_INVALID);

    for (int i = 0; i < 100; i++) {
      refused(
          guard,
          push("f-" + i, "x", token(impostor, "forged-" + i, c -> c)),
          Reason.SIGNATURE_INVALID);
    }
    // the first delivery fetched the set; 100 unknown ids within the refresh interval fetch nothing
    assertThat(server.log()).containsExactly(CERTS);

    // Google rotates: the new key's id is fetched after the refresh interval
    jwks.publish(testKey, rotatedKey);
    clock.advance(Duration.ofMinutes(6));
    proceeds(guard, push("k-2", "x", token(rotatedKey, c -> c)));
    assertThat(server.log()).containsExactly(CERTS, CERTS);
  }

  @Test
  void fiftyConcurrentPushesWithANewKeyMakeOneFetch() throws Exception {
    WebhookGuard guard = guard(new MutableClock(NOW));
    String token = token(c -> c);
    ExecutorService pool = Executors.newFixedThreadPool(50);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Decision>> answers = new ArrayList<>();
    try {
      for (int i = 0; i < 50; i++) {
        WebhookRequest request = push("c-" + i, "x", token);
        answers.add(
            pool.submit(
                () -> {
                  go.await();
                  return guard.inspect(request);
                }));
      }
      go.countDown();
      for (Future<Decision> a : answers) {
        assertThat(a.get()).isInstanceOf(Decision.Proceed.class);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(server.log()).containsExactly(CERTS);
  }

  @Test
  void withGooglesKeyHostDownAndNoKeyCachedTheAnswerIs503WithRetryAfter() throws Exception {
    MutableClock clock = new MutableClock(NOW);
    WebhookGuard guard = guard(clock);
    server.answer(path -> new LocalHttpsServer.Answer(500, List.of(), new byte[0]));

    Decision.Respond r = responds(guard, push("d-1", "x", token(c -> c)));
    assertThat(r.reason()).isEqualTo(Reason.KEY_UNAVAILABLE);
    assertThat(r.status()).isEqualTo(503);
    assertThat(r.headers()).containsKey("Retry-After");

    // up again: the provider's retry verifies; then down again: the cached key still verifies
    String set = new JWKSet(testKey.toPublicJWK()).toString();
    server.answer(path -> LocalHttpsServer.Answer.ok(set, "Cache-Control: public, max-age=60"));
    clock.advance(Duration.ofMinutes(6));
    proceeds(guard, push("d-1", "x", token(c -> c)));
    server.answer(path -> new LocalHttpsServer.Answer(500, List.of(), new byte[0]));
    clock.advance(Duration.ofMinutes(10));
    proceeds(guard, push("d-2", "x", token(c -> c)));
  }

  @Test
  void aPushWithoutAMessageIdIsMalformed() throws Exception {
    WebhookGuard guard = guard(new MutableClock(NOW));
    refused(
        guard,
        post("{\"data\":\"unwrapped\"}").header("Authorization", "Bearer " + token(c -> c)).build(),
        Reason.MALFORMED_PAYLOAD);
    assertThat(PubSubMessage.parse("[1]".getBytes(StandardCharsets.UTF_8))).isEmpty();
    assertThat(
            PubSubMessage.parse(
                "{\"message\":{\"messageId\":\"1\",\"data\":\"%%%\"}}"
                    .getBytes(StandardCharsets.UTF_8)))
        .isEmpty();
  }

  @Test
  void startUpNeedsTheAudienceAndTheServiceAccountAndRefusesSecrets() {
    assertThatThrownBy(
            () ->
                EndpointConfig.builder("pubsub")
                    .provider("gcp-pubsub")
                    .providerKey("service-account", ACCOUNT)
                    .build())
        .isInstanceOf(WebhookConfigurationException.class)
        .hasMessageContaining("pubsub")
        .hasMessageContaining("audience");
    assertThatThrownBy(
            () ->
                EndpointConfig.builder("pubsub")
                    .provider("gcp-pubsub")
                    .providerKey("audience", AUDIENCE)
                    .build())
        .isInstanceOf(WebhookConfigurationException.class)
        .hasMessageContaining("service-account");
    assertThatThrownBy(
            () ->
                EndpointConfig.builder("pubsub")
                    .provider("gcp-pubsub")
                    .secrets("s3cr3t-value")
                    .providerKey("audience", AUDIENCE)
                    .providerKey("service-account", ACCOUNT)
                    .build())
        .isInstanceOf(WebhookConfigurationException.class)
        .hasMessageContaining("secrets")
        .hasMessageNotContaining("s3cr3t-value");
  }
}

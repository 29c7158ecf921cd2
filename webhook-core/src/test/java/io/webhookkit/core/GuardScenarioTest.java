package io.webhookkit.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.webhookkit.core.adapter.BoundedBody;
import io.webhookkit.core.idempotency.Acquisition;
import io.webhookkit.core.idempotency.IdempotencyStore;
import io.webhookkit.core.idempotency.IdempotencyStoreException;
import io.webhookkit.core.idempotency.InMemoryIdempotencyStore;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Scenarios: start from one valid delivery, break exactly one thing, see the guard's answer. */
class GuardScenarioTest {
  private final MutableClock clock = new MutableClock(Delivery.NOW);
  private final List<WebhookAttempt> attempts = new ArrayList<>();

  private WebhookGuard guard(Delivery d) {
    return guard(d, b -> {});
  }

  private WebhookGuard guard(Delivery d, Consumer<EndpointConfig.Builder> tweak) {
    EndpointConfig.Builder b =
        EndpointConfig.builder(d.provider).provider(d.provider).secrets(baseSecret(d));
    tweak.accept(b);
    return WebhookGuard.builder(b.build()).clock(clock).listener(attempts::add).build();
  }

  private static String baseSecret(Delivery d) {
    switch (d.provider) {
      case "github":
        return Delivery.github().secret;
      case "stripe":
        return Delivery.stripe().secret;
      case "slack":
        return Delivery.slack().secret;
      case "shopify":
        return Delivery.shopify().secret;
      default:
        return Delivery.SW_SECRET;
    }
  }

  static Stream<Delivery> everyPreset() {
    return Stream.of(
        Delivery.github(),
        Delivery.stripe(),
        Delivery.slack(),
        Delivery.slackCommand(),
        Delivery.standardWebhooks(),
        Delivery.svix(),
        Delivery.shopify());
  }

  static Stream<Delivery> timestamped() {
    return Stream.of(
        Delivery.stripe(), Delivery.slack(), Delivery.standardWebhooks(), Delivery.svix());
  }

  private static Decision.Respond refused(Decision d) {
    assertThat(d).isInstanceOf(Decision.Respond.class);
    return (Decision.Respond) d;
  }

  private static Decision.Proceed proceeded(Decision d) {
    assertThat(d)
        .as(
            () ->
                d instanceof Decision.Respond
                    ? new String(((Decision.Respond) d).body(), StandardCharsets.UTF_8)
                    : "")
        .isInstanceOf(Decision.Proceed.class);
    return (Decision.Proceed) d;
  }

  private static void assertRefused(Decision d, Reason reason) {
    Decision.Respond r = refused(d);
    assertThat(r.reason()).isEqualTo(reason);
    assertThat(r.status()).isEqualTo(reason.status());
    assertThat(r.headers()).containsEntry("Content-Type", "application/problem+json");
    String body = new String(r.body(), StandardCharsets.UTF_8);
    assertThat(body)
        .contains("\"reason\":\"" + reason.code() + "\"")
        .contains("\"status\":" + reason.status());
  }

  @Nested
  class Signatures {
    @ParameterizedTest(name = "{0}")
    @MethodSource("io.webhookkit.core.GuardScenarioTest#everyPreset")
    void aValidDeliveryProceedsWithIdenticalBytes(Delivery d) {
      Decision.Proceed p = proceeded(guard(d).inspect(d.request()));
      assertThat(p.event().body()).isEqualTo(d.body);
      assertThat(p.event().deliveryId()).contains(d.id);
      assertThat(p.event().secretLabel()).isEqualTo("secrets[0]");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.webhookkit.core.GuardScenarioTest#everyPreset")
    void aTamperedBodyIsRefused(Delivery d) {
      assertRefused(guard(d).inspect(d.withTamperedBody().request()), Reason.SIGNATURE_INVALID);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.webhookkit.core.GuardScenarioTest#everyPreset")
    void aWrongSecretIsRefused(Delivery d) {
      WebhookGuard guard = guard(d);
      assertRefused(guard.inspect(d.withWrongSecret().request()), Reason.SIGNATURE_INVALID);
    }

    @Test
    void aMissingSignatureHeaderIsRefusedAsMissing() {
      assertRefused(
          guard(Delivery.github())
              .inspect(Delivery.github().withoutHeader("X-Hub-Signature-256").request()),
          Reason.SIGNATURE_MISSING);
      assertRefused(
          guard(Delivery.slack())
              .inspect(Delivery.slack().withoutHeader("X-Slack-Request-Timestamp").request()),
          Reason.SIGNATURE_MISSING);
      assertRefused(
          guard(Delivery.standardWebhooks())
              .inspect(Delivery.standardWebhooks().withoutHeader("webhook-id").request()),
          Reason.SIGNATURE_MISSING);
    }

    @Test
    void malformedSignatureHeadersAreRefusedAsInvalid() {
      for (String bad :
          List.of(
              "", "sha256=", "sha256=zz", "sha1=757107ea", "sha256=" + "a".repeat(63), "garbage")) {
        assertRefused(
            guard(Delivery.github())
                .inspect(Delivery.github().withHeader("X-Hub-Signature-256", bad).request()),
            Reason.SIGNATURE_INVALID);
      }
      for (String bad :
          List.of("t=,v1=", "v1=abc", "t=abc,v1=00", "t=1", ",,,", "t=1,v1=" + "0".repeat(64))) {
        assertRefused(
            guard(Delivery.stripe())
                .inspect(Delivery.stripe().withHeader("Stripe-Signature", bad).request()),
            Reason.SIGNATURE_INVALID);
      }
      for (String bad : List.of("v2,abc", "v1,", "v1,!!!", "v1a,AAAA", ",,")) {
        assertRefused(
            guard(Delivery.standardWebhooks())
                .inspect(
                    Delivery.standardWebhooks().withHeader("webhook-signature", bad).request()),
            Reason.SIGNATURE_INVALID);
      }
      assertRefused(
          guard(Delivery.slack())
              .inspect(Delivery.slack().withHeader("X-Slack-Request-Timestamp", "12ab").request()),
          Reason.SIGNATURE_INVALID);
    }

    @Test
    void theSecondSecretMatchesDuringRotationAndIsNamed() {
      Delivery d = Delivery.github().signedWith("the new secret");
      WebhookGuard guard = guard(d, b -> b.secrets("the new secret"));

      Decision.Proceed p = proceeded(guard.inspect(d.request()));

      assertThat(p.event().secretLabel()).isEqualTo("secrets[1]");
      p.ticket().settle(200);
      assertThat(attempts).last().extracting(WebhookAttempt::secretLabel).isEqualTo("secrets[1]");
    }

    @Test
    void stripeAcceptsAnyOfSeveralV1SignaturesInOneHeader() {
      Delivery d = Delivery.stripe();
      String valid = d.signedHeaders().get("Stripe-Signature");
      String t = valid.substring(2, valid.indexOf(','));
      String header =
          "t="
              + t
              + ",v1="
              + "0".repeat(64)
              + ","
              + valid.substring(valid.indexOf(',') + 1)
              + ",v0=abc";

      proceeded(guard(d).inspect(d.withHeader("Stripe-Signature", header).request()));
    }

    @Test
    void standardWebhooksSkipsUnknownVersionsAndAcceptsAnyEntry() {
      Delivery d = Delivery.standardWebhooks();
      String valid = d.signedHeaders().get("webhook-signature");
      String header = "v2,Zm9v v1,AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA= " + valid;

      proceeded(guard(d).inspect(d.withHeader("webhook-signature", header).request()));
    }

    @Test
    void standardWebhooksVerifiesEd25519WithAPublicKey() {
      String signingKey =
          io.webhookkit.core.signature.StandardWebhooksSignatureScheme.generateSigningKey();
      String publicKey =
          io.webhookkit.core.signature.StandardWebhooksSignatureScheme.publicKeyOf(
              Secret.of("k", signingKey));
      Delivery d = Delivery.standardWebhooks().signedWith(signingKey);
      WebhookGuard guard =
          WebhookGuard.builder(
                  EndpointConfig.builder("sw")
                      .provider("standard-webhooks")
                      .secrets(publicKey)
                      .build())
              .clock(clock)
              .build();

      assertThat(d.signedHeaders().get("webhook-signature")).startsWith("v1a,");
      proceeded(guard.inspect(d.request()));
      assertRefused(
          guard.inspect(
              Delivery.standardWebhooks().signedWith(signingKey).withTamperedBody().request()),
          Reason.SIGNATURE_INVALID);
    }

    @Test
    void svixFallsBackToStandardHeaders() {
      Delivery standard = Delivery.standardWebhooks();
      WebhookGuard svixGuard = guard(Delivery.svix());

      proceeded(svixGuard.inspect(standard.request()));
    }

    @Test
    void aReplayWithAChangedIdHeaderCannotBypassASignedId() {
      Delivery d = Delivery.standardWebhooks();
      WebhookRequest replay = d.withHeader("webhook-id", "msg_other").request();

      assertRefused(guard(d).inspect(replay), Reason.SIGNATURE_INVALID);
    }
  }

  @Nested
  class Timestamps {
    @ParameterizedTest(name = "{0}")
    @MethodSource("io.webhookkit.core.GuardScenarioTest#timestamped")
    void aStaleTimestampIsRefused(Delivery d) {
      assertRefused(
          guard(d).inspect(d.withStaleTimestamp().request()), Reason.TIMESTAMP_OUT_OF_TOLERANCE);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.webhookkit.core.GuardScenarioTest#timestamped")
    void aFutureTimestampIsRefused(Delivery d) {
      assertRefused(
          guard(d).inspect(d.withFutureTimestamp().request()), Reason.TIMESTAMP_OUT_OF_TOLERANCE);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.webhookkit.core.GuardScenarioTest#timestamped")
    void theWindowsEdgesAreInside(Delivery d) {
      proceeded(
          guard(d).inspect(d.withTimestamp(Delivery.NOW.minus(Duration.ofMinutes(5))).request()));
    }

    @Test
    void aStaleTimestampWithABadSignatureIsRefusedForTheSignatureFirst() {
      Delivery d = Delivery.stripe().withStaleTimestamp().withTamperedBody();
      assertRefused(guard(d).inspect(d.request()), Reason.SIGNATURE_INVALID);
    }

    @Test
    void toleranceIsConfigurable() {
      Delivery d = Delivery.slack().withTimestamp(Delivery.NOW.minus(Duration.ofMinutes(9)));
      proceeded(guard(d, b -> b.tolerance(Duration.ofMinutes(10))).inspect(d.request()));
    }
  }

  @Nested
  class Bodies {
    @ParameterizedTest(name = "{0}")
    @MethodSource("io.webhookkit.core.GuardScenarioTest#unusualJsonBodies")
    void unusualBytesVerifyAndArriveUnchanged(String label, byte[] body) {
      Delivery d = Delivery.stripe().withBody(body);
      Decision.Proceed p = proceeded(guard(d).inspect(d.request()));
      assertThat(p.event().body()).isEqualTo(body);
    }

    @Test
    void malformedJsonIsRefusedAfterTheSignatureVerified() {
      Delivery d = Delivery.stripe().withBody("{\"id\":\"evt_1\",");
      assertRefused(guard(d).inspect(d.request()), Reason.MALFORMED_PAYLOAD);
      Delivery trailing = Delivery.stripe().withBody("{\"id\":\"evt_1\"} {}");
      assertRefused(guard(trailing).inspect(trailing.request()), Reason.MALFORMED_PAYLOAD);
    }

    @Test
    void aMissingDeliveryIdIsMalformed() {
      Delivery d = Delivery.stripe().withBody("{\"type\":\"invoice.paid\"}");
      assertRefused(guard(d).inspect(d.request()), Reason.MALFORMED_PAYLOAD);
      Delivery gh = Delivery.github().withoutHeader("X-GitHub-Delivery");
      assertRefused(guard(gh).inspect(gh.request()), Reason.MALFORMED_PAYLOAD);
    }

    @Test
    void aDeliveryIdWithControlCharactersIsMalformed() {
      Delivery d = Delivery.stripe().withBody("{\"id\":\"evt\\n1\",\"type\":\"x\"}");
      assertRefused(guard(d).inspect(d.request()), Reason.MALFORMED_PAYLOAD);
    }

    @Test
    void aSlackSlashCommandExposesItsFormFields() {
      Delivery d = Delivery.slackCommand();
      Decision.Proceed p = proceeded(guard(d).inspect(d.request()));
      assertThat(p.event().eventType()).contains("/weather");
      assertThat(p.event().deliveryId()).contains(d.id);
    }

    @Test
    void aBrokenPercentEscapeInAFormIsMalformed() {
      Delivery d = Delivery.slackCommand().withBody("command=%2&trigger_id=1");
      assertRefused(guard(d).inspect(d.request()), Reason.MALFORMED_PAYLOAD);
    }

    @Test
    void slackRetryHeadersAreExposed() {
      Delivery d =
          Delivery.slack()
              .withHeader("X-Slack-Retry-Num", "2")
              .withHeader("X-Slack-Retry-Reason", "http_timeout");
      Decision.Proceed p = proceeded(guard(d).inspect(d.request()));
      assertThat(p.event().attributes())
          .containsEntry("retry-num", "2")
          .containsEntry("retry-reason", "http_timeout");
      Delivery reasonOnly = Delivery.slack().withHeader("X-Slack-Retry-Reason", "http_error");
      assertThat(proceeded(guard(reasonOnly).inspect(reasonOnly.request())).event().attributes())
          .containsExactly(Map.entry("retry-reason", "http_error"));
      Delivery numOnly = Delivery.slack().withHeader("X-Slack-Retry-Num", "1");
      assertThat(proceeded(guard(numOnly).inspect(numOnly.request())).event().attributes())
          .containsExactly(Map.entry("retry-num", "1"));
      Delivery first = Delivery.slack();
      assertThat(proceeded(guard(first).inspect(first.request())).event().attributes()).isEmpty();
    }

    @Test
    void anOversizedBodyIsRefusedBeforeItsSignatureIsChecked() {
      Delivery d =
          Delivery.github().withBody("{\"a\":\"" + "x".repeat(2000) + "\"}").withTamperedBody();
      assertRefused(
          guard(d, b -> b.maxBodySize(1024)).inspect(d.request()), Reason.PAYLOAD_TOO_LARGE);
    }

    @Test
    void aDeclaredContentLengthOverTheLimitIsRefusedWithoutABody() {
      WebhookRequest r =
          WebhookRequest.builder()
              .remoteAddress("127.0.0.1")
              .header("Content-Length", "5000")
              .body(BoundedBody.exceeded())
              .build();
      assertRefused(
          guard(Delivery.github(), b -> b.maxBodySize(1024)).inspect(r), Reason.PAYLOAD_TOO_LARGE);
    }
  }

  static Stream<org.junit.jupiter.params.provider.Arguments> unusualJsonBodies() {
    String json = "{\"id\":\"evt_1\",\"type\":\"t\",\"text\":\"%s\"}";
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] plain = String.format(json, "x").getBytes(StandardCharsets.UTF_8);
    byte[] withBom = new byte[bom.length + plain.length];
    System.arraycopy(bom, 0, withBom, 0, 3);
    System.arraycopy(plain, 0, withBom, 3, plain.length);
    return Stream.of(
        org.junit.jupiter.params.provider.Arguments.of(
            "CRLF",
            "{\r\n\"id\":\"evt_1\",\r\n\"type\":\"t\"\r\n}\r\n".getBytes(StandardCharsets.UTF_8)),
        org.junit.jupiter.params.provider.Arguments.of("BOM", withBom),
        org.junit.jupiter.params.provider.Arguments.of(
            "emoji",
            String.format(json, "caf\u00e9 \uD83D\uDE00").getBytes(StandardCharsets.UTF_8)),
        org.junit.jupiter.params.provider.Arguments.of(
            "non-BMP",
            String.format(json, "\uD834\uDD1E \uD83C\uDFF3\uFE0F\u200D\uD83C\uDF08")
                .getBytes(StandardCharsets.UTF_8)));
  }

  @Nested
  class Addresses {
    @Test
    void plainHttpFromARemoteClientIsRefused() {
      Delivery d = Delivery.github().from("203.0.113.7");
      assertRefused(guard(d).inspect(d.request()), Reason.HTTPS_REQUIRED);
    }

    @Test
    void tlsFromARemoteClientPasses() {
      Delivery d = Delivery.github().from("203.0.113.7").overTls();
      proceeded(guard(d).inspect(d.request()));
    }

    @Test
    void loopbackIsExemptFromHttpsOverIpv4AndIpv6() {
      proceeded(guard(Delivery.github()).inspect(Delivery.github().from("127.0.0.1").request()));
      proceeded(guard(Delivery.github()).inspect(Delivery.github().from("::1").request()));
      proceeded(
          guard(Delivery.github()).inspect(Delivery.github().from("0:0:0:0:0:0:0:1").request()));
    }

    @Test
    void aLocalProxyForwardingARemoteClientOverPlainHttpIsRefused() {
      Delivery d = Delivery.github().from("127.0.0.1").withHeader("X-Forwarded-For", "203.0.113.7");
      assertRefused(
          guard(d, b -> b.trustedProxies(List.of("127.0.0.1/32"))).inspect(d.request()),
          Reason.HTTPS_REQUIRED);
    }

    @Test
    void aTrustedProxysForwardedProtoCountsAsHttps() {
      Delivery d =
          Delivery.github()
              .from("10.0.0.2")
              .withHeader("X-Forwarded-For", "203.0.113.7")
              .withHeader("X-Forwarded-Proto", "https");
      proceeded(guard(d, b -> b.trustedProxies(List.of("10.0.0.0/8"))).inspect(d.request()));
    }

    @Test
    void forwardingHeadersFromAnUntrustedPeerAreIgnored() {
      Delivery d =
          Delivery.github()
              .from("198.51.100.9")
              .overTls()
              .withHeader("X-Forwarded-For", "192.0.2.10")
              .withHeader("Forwarded", "for=192.0.2.10;proto=https");
      WebhookGuard guard =
          guard(
              d, b -> b.allowedIps(List.of("192.0.2.0/24")).trustedProxies(List.of("10.0.0.0/8")));
      assertRefused(guard.inspect(d.request()), Reason.IP_NOT_ALLOWED);
    }

    @Test
    void aSpoofedProtoFromAnUntrustedPeerDoesNotMakeItHttps() {
      Delivery d = Delivery.github().from("198.51.100.9").withHeader("X-Forwarded-Proto", "https");
      assertRefused(guard(d).inspect(d.request()), Reason.HTTPS_REQUIRED);
    }

    @Test
    void allowlistAcceptsIpv6AndIpv4MappedClients() {
      WebhookGuard guard =
          guard(
              Delivery.github(),
              b ->
                  b.allowedIps(List.of("2001:db8::/32", "192.0.2.0/24")).idempotencyEnabled(false));
      proceeded(guard.inspect(Delivery.github().from("2001:db8::42").overTls().request()));
      proceeded(guard.inspect(Delivery.github().from("::ffff:192.0.2.77").overTls().request()));
      assertRefused(
          guard.inspect(Delivery.github().from("2001:db9::1").overTls().request()),
          Reason.IP_NOT_ALLOWED);
    }

    @Test
    void withoutTrustedProxiesThePeerIsCheckedAndToldAsParsed() {
      // plain HTTP from loopback: the one parsed address serves the HTTPS rule and the allowlist
      proceeded(
          guard(Delivery.github(), b -> b.allowedIps(List.of("127.0.0.0/8")))
              .inspect(Delivery.github().from("127.0.0.1").request()));
      assertRefused(
          guard(Delivery.github(), b -> b.allowedIps(List.of("192.0.2.0/24")))
              .inspect(Delivery.github().from("127.0.0.1").request()),
          Reason.IP_NOT_ALLOWED);
      // over TLS nothing needs the address, yet the listener is told it, formatted; a peer that
      // is no IP literal is "unknown", and refused by an allowlist
      attempts.clear();
      proceeded(
              guard(Delivery.github())
                  .inspect(Delivery.github().from("2001:DB8::7").overTls().request()))
          .ticket()
          .settle(200);
      proceeded(
              guard(Delivery.github())
                  .inspect(Delivery.github().from("host.invalid").overTls().request()))
          .ticket()
          .settle(200);
      assertThat(attempts)
          .extracting(WebhookAttempt::clientAddress)
          .containsExactly("2001:db8:0:0:0:0:0:7", "unknown");
      assertRefused(
          guard(Delivery.github(), b -> b.allowedIps(List.of("0.0.0.0/0", "::/0")))
              .inspect(Delivery.github().from("host.invalid").overTls().request()),
          Reason.IP_NOT_ALLOWED);
    }

    @Test
    void theClientBehindATrustedProxyChainIsChecked() {
      Delivery d =
          Delivery.github()
              .from("10.0.0.2")
              .withHeader(
                  "Forwarded",
                  "for=192.0.2.60;proto=https, for=\"[2001:db8:cafe::17]:4711\";proto=https");
      WebhookGuard guard =
          guard(
              d,
              b ->
                  b.trustedProxies(List.of("10.0.0.0/8", "2001:db8:cafe::/48"))
                      .allowedIps(List.of("192.0.2.0/24")));
      proceeded(guard.inspect(d.request()));
    }
  }

  @Nested
  class RateLimits {
    @Test
    void overTheLimitIsRefusedWithRetryAfterUntilTheWindowRefills() {
      WebhookGuard guard =
          guard(
              Delivery.github(),
              b -> b.rateLimit(2, Duration.ofSeconds(10)).idempotencyEnabled(false));
      proceeded(guard.inspect(Delivery.github().request()));
      proceeded(guard.inspect(Delivery.github().request()));

      Decision.Respond r = refused(guard.inspect(Delivery.github().request()));

      assertThat(r.reason()).isEqualTo(Reason.RATE_LIMITED);
      assertThat(r.status()).isEqualTo(429);
      assertThat(Long.parseLong(r.headers().get("Retry-After"))).isBetween(1L, 10L);
      clock.advance(Duration.ofSeconds(10));
      proceeded(guard.inspect(Delivery.github().request()));
    }
  }

  @Nested
  class Handshakes {
    private final Delivery challenge =
        Delivery.slack()
            .withBody(
                "{\"token\":\"x\",\"challenge\":\"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P\",\"type\":\"url_verification\"}");

    @Test
    void aSignedSlackUrlVerificationIsAnsweredWithItsChallenge() {
      Decision.Respond r = refused(guard(challenge).inspect(challenge.request()));
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.outcome()).isEqualTo(Outcome.HANDSHAKE);
      assertThat(r.headers()).containsEntry("Content-Type", "application/json");
      assertThat(new String(r.body(), StandardCharsets.UTF_8))
          .isEqualTo("{\"challenge\":\"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P\"}");
    }

    @Test
    void anUnsignedSlackUrlVerificationIsRefused() {
      assertRefused(
          guard(challenge).inspect(challenge.withoutHeader("X-Slack-Signature").request()),
          Reason.SIGNATURE_MISSING);
    }
  }

  private static byte[] sha256(byte[] body) {
    try {
      return java.security.MessageDigest.getInstance("SHA-256").digest(body);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  @Nested
  class Idempotency {
    private final InMemoryIdempotencyStore store = InMemoryIdempotencyStore.create(clock, 1000);

    private WebhookGuard guardWith(IdempotencyStore s) {
      return WebhookGuard.builder(
              EndpointConfig.builder("github").provider("github").secrets(Delivery.SECRET).build())
          .clock(clock)
          .idempotencyStore(s)
          .listener(attempts::add)
          .build();
    }

    @Test
    void aCompletedDeliveryIsReplayedWithItsStatusWithoutTheHandler() {
      WebhookGuard guard = guardWith(store);
      proceeded(guard.inspect(Delivery.github().request())).ticket().settle(202);

      Decision.Respond r = refused(guard.inspect(Delivery.github().request()));

      assertThat(r.status()).isEqualTo(202);
      assertThat(r.outcome()).isEqualTo(Outcome.DUPLICATE);
      assertThat(attempts)
          .extracting(WebhookAttempt::outcome)
          .containsExactly(Outcome.ACCEPTED, Outcome.DUPLICATE);
    }

    /** The in-memory store, counting the claims and the lookups without a claim. */
    private IdempotencyStore counting(List<String> calls) {
      return new IdempotencyStore() {
        @Override
        public Acquisition acquire(String key, String fingerprint, Duration lease) {
          calls.add("acquire");
          return store.acquire(key, fingerprint, lease);
        }

        @Override
        public boolean complete(String key, String token, int status, Duration retention) {
          return store.complete(key, token, status, retention);
        }

        @Override
        public boolean release(String key, String token) {
          return store.release(key, token);
        }

        @Override
        public java.util.OptionalInt completedStatus(String key, String fingerprint) {
          calls.add("completedStatus");
          return store.completedStatus(key, fingerprint);
        }
      };
    }

    @Test
    void aCompletedDuplicateWithAHeaderIdIsAnsweredBeforeTheBodyIsReadAgain() {
      List<String> calls = new ArrayList<>();
      WebhookGuard guard = guardWith(counting(calls));
      proceeded(guard.inspect(Delivery.github().request())).ticket().settle(202);
      assertThat(calls).containsExactly("completedStatus", "acquire");
      calls.clear();

      Decision.Respond r = refused(guard.inspect(Delivery.github().request()));

      assertThat(r.status()).isEqualTo(202);
      assertThat(r.outcome()).isEqualTo(Outcome.DUPLICATE);
      assertThat(calls).as("answered from the lookup, no claim").containsExactly("completedStatus");

      // the same id with another body is no duplicate: the claim answers the conflict
      calls.clear();
      Delivery other = Delivery.github();
      other.body = "{\"action\":\"closed\",\"number\":1}".getBytes(StandardCharsets.UTF_8);
      assertThat(refused(guard.inspect(other.request())).reason())
          .isEqualTo(Reason.DELIVERY_CONFLICT);
      // the second claim compares with the body's SHA-256, as a 0.1 entry would hold it
      assertThat(calls).containsExactly("completedStatus", "acquire", "acquire");
    }

    @Test
    void theInMemoryStoresLookupAnswersOnlyACompletedDeliveryWithTheSameBody() {
      Acquisition.Acquired held =
          (Acquisition.Acquired) store.acquire("k", "x3:a", Duration.ofMinutes(1));
      assertThat(store.completedStatus("k", "x3:a")).as("in progress").isEmpty();
      store.complete("k", held.ownerToken(), 204, Duration.ofMinutes(10));
      assertThat(store.completedStatus("k", "x3:a")).hasValue(204);
      assertThat(store.completedStatus("k", "x3:b")).as("another body").isEmpty();
      assertThat(store.completedStatus("other", "x3:a")).as("unknown").isEmpty();
      clock.advance(Duration.ofMinutes(11));
      assertThat(store.completedStatus("k", "x3:a")).as("past its retention").isEmpty();
    }

    @Test
    void aProviderWhoseIdIsInTheBodyIsNotLookedUpBeforeTheClaim() {
      List<String> calls = new ArrayList<>();
      WebhookGuard guard =
          WebhookGuard.builder(
                  EndpointConfig.builder("stripe")
                      .provider("stripe")
                      .secrets(Delivery.STRIPE_SECRET)
                      .build())
              .clock(clock)
              .idempotencyStore(counting(calls))
              .build();
      proceeded(guard.inspect(Delivery.stripe().request())).ticket().settle(200);
      refused(guard.inspect(Delivery.stripe().request()));
      assertThat(calls).containsExactly("acquire", "acquire");
    }

    @Test
    void aDeliveryInProgressIsRefusedWithRetryAfter() {
      WebhookGuard guard = guardWith(store);
      proceeded(guard.inspect(Delivery.github().request()));

      Decision.Respond r = refused(guard.inspect(Delivery.github().request()));

      assertRefused(r, Reason.DELIVERY_IN_PROGRESS);
      assertThat(r.headers()).containsEntry("Retry-After", "60");
    }

    @Test
    void theSameIdWithAnotherBodyIsAConflict() {
      WebhookGuard guard = guardWith(store);
      proceeded(guard.inspect(Delivery.github().request())).ticket().settle(200);

      assertRefused(
          guard.inspect(Delivery.github().withBody("{\"action\":\"closed\"}").request()),
          Reason.DELIVERY_CONFLICT);
    }

    @Test
    void aDeliveryRecordedBy01WithASha256FingerprintIsStillADuplicateAfterTheUpgrade() {
      // 0.1 fingerprinted bodies with SHA-256 hex; 0.2 with "x3:" + XXH3-128. A retry of a
      // delivery 0.1 completed must stay a duplicate, and another body under its id a conflict
      byte[] body = "{\"action\":\"opened\",\"number\":1}".getBytes(StandardCharsets.UTF_8);
      String key = "github:72d3162e-cc78-11e3-81ab-4c9367dc0958";
      String sha256 = java.util.HexFormat.of().formatHex(sha256(body));
      Acquisition.Acquired old =
          (Acquisition.Acquired) store.acquire(key, sha256, Duration.ofSeconds(60));
      assertThat(store.complete(key, old.ownerToken(), 200, Duration.ofDays(7))).isTrue();
      WebhookGuard guard = guardWith(store);

      Decision.Respond r = refused(guard.inspect(Delivery.github().request()));
      assertThat(r.outcome()).isEqualTo(Outcome.DUPLICATE);
      assertThat(r.status()).isEqualTo(200);
      assertRefused(
          guard.inspect(Delivery.github().withBody("{\"action\":\"closed\"}").request()),
          Reason.DELIVERY_CONFLICT);
    }

    @Test
    void aHandlerFailureReleasesTheDeliverySoTheRetryIsProcessed() {
      WebhookGuard guard = guardWith(store);
      proceeded(guard.inspect(Delivery.github().request())).ticket().settle(500);

      Decision.Proceed retry = proceeded(guard.inspect(Delivery.github().request()));
      retry.ticket().fail(new IllegalStateException("boom"));
      proceeded(guard.inspect(Delivery.github().request())).ticket().settle(200);

      assertThat(attempts)
          .extracting(WebhookAttempt::outcome)
          .containsExactly(Outcome.FAILED, Outcome.FAILED, Outcome.ACCEPTED);
    }

    @Test
    void anExpiredLeaseLetsTheRetryTakeOverAndTheStaleHolderCannotComplete() {
      WebhookGuard guard = guardWith(store);
      Decision.Proceed first = proceeded(guard.inspect(Delivery.github().request()));
      clock.advance(Duration.ofSeconds(61));

      Decision.Proceed second = proceeded(guard.inspect(Delivery.github().request()));
      first.ticket().settle(200);
      assertRefused(guard.inspect(Delivery.github().request()), Reason.DELIVERY_IN_PROGRESS);
      second.ticket().settle(200);

      assertThat(refused(guard.inspect(Delivery.github().request())).outcome())
          .isEqualTo(Outcome.DUPLICATE);
    }

    @Test
    void retentionExpiryForgetsTheDelivery() {
      WebhookGuard guard = guardWith(store);
      proceeded(guard.inspect(Delivery.github().request())).ticket().settle(200);
      clock.advance(Duration.ofDays(7).plusSeconds(1));

      proceeded(guard.inspect(Delivery.github().request()));
    }

    @Test
    void anUnreachableStoreFailsClosedWith503AndRetryAfter() {
      IdempotencyStore down =
          new IdempotencyStore() {
            @Override
            public Acquisition acquire(String key, String fingerprint, Duration lease) {
              throw new IdempotencyStoreException("connection refused");
            }

            @Override
            public boolean complete(String key, String token, int status, Duration retention) {
              throw new IdempotencyStoreException("connection refused");
            }

            @Override
            public boolean release(String key, String token) {
              throw new IdempotencyStoreException("connection refused");
            }
          };

      Decision.Respond r = refused(guardWith(down).inspect(Delivery.github().request()));

      assertRefused(r, Reason.STORE_UNAVAILABLE);
      assertThat(r.headers()).containsKey("Retry-After");
    }

    /**
     * The in-memory store, except that the first {@code blips} completions fail as a lost
     * connection would; each completion that lands records its thread and counts down.
     */
    private IdempotencyStore flaky(int blips, CountDownLatch completed, List<String> threads) {
      java.util.concurrent.atomic.AtomicInteger left =
          new java.util.concurrent.atomic.AtomicInteger(blips);
      return new IdempotencyStore() {
        @Override
        public Acquisition acquire(String key, String fingerprint, Duration lease) {
          return store.acquire(key, fingerprint, lease);
        }

        @Override
        public boolean complete(String key, String token, int status, Duration retention) {
          if (left.getAndDecrement() > 0) {
            throw new IdempotencyStoreException("connection reset");
          }
          boolean owned = store.complete(key, token, status, retention);
          threads.add(Thread.currentThread().getName());
          completed.countDown();
          return owned;
        }

        @Override
        public boolean release(String key, String token) {
          return store.release(key, token);
        }
      };
    }

    @Test
    void aCompletionTheStoreMissedIsRetriedUntilItLands() throws Exception {
      CountDownLatch completed = new CountDownLatch(1);
      WebhookGuard guard = guardWith(flaky(2, completed, new ArrayList<>()));

      proceeded(guard.inspect(Delivery.github().request())).ticket().settle(200);

      assertThat(completed.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
      assertThat(refused(guard.inspect(Delivery.github().request())).outcome())
          .isEqualTo(Outcome.DUPLICATE);
    }

    @Test
    void storeRetriesRunOnTheSchedulerTheApplicationGave() throws Exception {
      CountDownLatch completed = new CountDownLatch(1);
      List<String> threads = new java.util.concurrent.CopyOnWriteArrayList<>();
      java.util.concurrent.ScheduledExecutorService own =
          java.util.concurrent.Executors.newSingleThreadScheduledExecutor(
              r -> new Thread(r, "application-scheduler"));
      try {
        WebhookGuard guard =
            WebhookGuard.builder(
                    EndpointConfig.builder("github")
                        .provider("github")
                        .secrets(Delivery.SECRET)
                        .build())
                .clock(clock)
                .idempotencyStore(flaky(1, completed, threads))
                .settlementScheduler(own)
                .build();

        proceeded(guard.inspect(Delivery.github().request())).ticket().settle(200);

        assertThat(completed.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(threads).containsExactly("application-scheduler");
      } finally {
        own.shutdownNow();
      }
    }

    @Test
    void idempotencyKeysAreScopedPerEndpoint() {
      WebhookGuard a = guardWith(store);
      WebhookGuard b =
          WebhookGuard.builder(
                  EndpointConfig.builder("github-2")
                      .provider("github")
                      .secrets(Delivery.SECRET)
                      .build())
              .clock(clock)
              .idempotencyStore(store)
              .build();
      proceeded(a.inspect(Delivery.github().request())).ticket().settle(200);

      proceeded(b.inspect(Delivery.github().request()));
    }

    @Test
    void twentyConcurrentDuplicatesAreProcessedOnce() throws Exception {
      WebhookGuard guard = guardWith(store);
      int threads = 20;
      CountDownLatch ready = new CountDownLatch(threads);
      CountDownLatch go = new CountDownLatch(1);
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      try {
        List<Future<Decision>> futures = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
          futures.add(
              pool.submit(
                  () -> {
                    WebhookRequest request = Delivery.github().request();
                    ready.countDown();
                    go.await();
                    return guard.inspect(request);
                  }));
        }
        ready.await();
        go.countDown();
        List<Decision> decisions = new ArrayList<>();
        for (Future<Decision> f : futures) {
          decisions.add(f.get());
        }

        assertThat(decisions).filteredOn(d -> d instanceof Decision.Proceed).hasSize(1);
        assertThat(decisions)
            .filteredOn(d -> d instanceof Decision.Respond)
            .allSatisfy(
                d ->
                    assertThat(((Decision.Respond) d).reason())
                        .isEqualTo(Reason.DELIVERY_IN_PROGRESS));
      } finally {
        pool.shutdownNow();
      }
    }
  }

  @Nested
  class Refusals {
    @Test
    void neverContainTheSecretOrTheExpectedSignature() {
      Delivery valid = Delivery.github();
      String expected = valid.signedHeaders().get("X-Hub-Signature-256");
      WebhookGuard guard = guard(valid);
      for (WebhookRequest r :
          List.of(
              Delivery.github().withTamperedBody().request(),
              Delivery.github().withWrongSecret().request(),
              Delivery.github().withoutHeader("X-Hub-Signature-256").request())) {
        String body = new String(refused(guard.inspect(r)).body(), StandardCharsets.UTF_8);
        assertThat(body).doesNotContain(Delivery.SECRET).doesNotContain(expected.substring(7));
      }
      assertThat(guard.config().toString()).doesNotContain(Delivery.SECRET);
    }

    @Test
    void everyAttemptIsToldToTheListenerOnce() {
      WebhookGuard guard = guard(Delivery.github());
      guard.inspect(Delivery.github().withTamperedBody().request());
      proceeded(guard.inspect(Delivery.github().request())).ticket().settle(200);

      assertThat(attempts).hasSize(2);
      assertThat(attempts.get(0).reason()).isEqualTo(Reason.SIGNATURE_INVALID);
      assertThat(attempts.get(0).clientAddress()).isEqualTo("127.0.0.1");
      assertThat(attempts.get(1).deliveryId()).isEqualTo(Delivery.github().id);
      assertThat(attempts.get(1).status()).isEqualTo(200);
    }
  }
}

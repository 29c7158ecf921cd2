package io.webhookkit.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.webhookkit.core.provider.HandshakeAnswer;
import io.webhookkit.core.provider.HandshakeResponder;
import io.webhookkit.core.provider.Locator;
import io.webhookkit.core.provider.Payload;
import io.webhookkit.core.provider.PayloadFormat;
import io.webhookkit.core.provider.Provider;
import io.webhookkit.core.provider.ProviderRules;
import io.webhookkit.core.provider.ProviderSettings;
import io.webhookkit.core.signature.KeyValueSignatureScheme;
import io.webhookkit.core.signature.SigningInput;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The guard's whole documented order, end to end: one request that fails every check, mended one
 * check at a time, must be refused for each check in turn — HTTPS, client address, rate limit, body
 * size, unsigned handshake, signature, timestamp window, signed handshake, method, payload, claim.
 */
class GuardOrderTest {
  private static final String SECRET = "whsec_order_test_secret";
  private final MutableClock clock = new MutableClock(Delivery.NOW);

  /** A preset with one handshake of each kind, each answered when its header is present. */
  private static final Provider ORDERED =
      new Provider() {
        @Override
        public String name() {
          return "ordered";
        }

        @Override
        public ProviderRules rules(ProviderSettings settings) {
          return ProviderRules.builder()
              .signatureScheme(KeyValueSignatureScheme.stripe(settings.secrets()))
              .payloadFormat(PayloadFormat.JSON)
              .deliveryId(Locator.json("id"))
              .handshake(handshake("X-Unsigned-Check", false, 201))
              .handshake(handshake("X-Signed-Check", true, 202))
              .build();
        }
      };

  private static HandshakeResponder handshake(String header, boolean signed, int status) {
    return new HandshakeResponder() {
      @Override
      public Optional<HandshakeAnswer> answer(WebhookRequest request, Payload payload) {
        return request.headers().first(header).isEmpty()
            ? Optional.empty()
            : Optional.of(new HandshakeAnswer(status, "text/plain", new byte[0], Map.of()));
      }

      @Override
      public boolean requiresSignature() {
        return signed;
      }
    };
  }

  /** The request as sent: every field starts out wrong. */
  private final class Sent {
    boolean secure;
    String address = "203.0.113.9";
    String method = "GET";
    String body = "{not json" + " ".repeat(300);
    boolean forged = true;
    Instant timestamp = Delivery.NOW.minus(Duration.ofHours(1));
    boolean unsignedCheck = true;
    boolean signedCheck = true;

    WebhookRequest request() {
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      Map<String, String> signature =
          config
              .rules()
              .signatureScheme()
              .sign(
                  new SigningInput(bytes, null, timestamp),
                  Secret.of("signer", forged ? "whsec_someone_else" : SECRET));
      WebhookRequest.Builder b =
          WebhookRequest.builder()
              .method(method)
              .path("/hooks/ordered")
              .remoteAddress(address)
              .secure(secure)
              .header("Content-Type", "application/json")
              .body(bytes);
      signature.forEach(b::header);
      if (unsignedCheck) {
        b.header("X-Unsigned-Check", "1");
      }
      if (signedCheck) {
        b.header("X-Signed-Check", "1");
      }
      return b.build();
    }
  }

  private final EndpointConfig config =
      EndpointConfig.builder("ordered")
          .provider(ORDERED)
          .secrets(SECRET)
          .allowedIps(List.of("198.51.100.0/24"))
          .rateLimit(1, Duration.ofSeconds(10))
          .maxBodySize(256)
          .build();

  @Test
  void everyCheckAnswersInTheDocumentedOrder() {
    WebhookGuard guard = WebhookGuard.builder(config).clock(clock).build();
    Sent sent = new Sent();

    assertThat(reason(guard, sent)).isEqualTo(Reason.HTTPS_REQUIRED);
    sent.secure = true;
    assertThat(reason(guard, sent)).isEqualTo(Reason.IP_NOT_ALLOWED);
    sent.address = "198.51.100.7";
    assertThat(reason(guard, sent)).as("takes the one permit").isEqualTo(Reason.PAYLOAD_TOO_LARGE);
    assertThat(reason(guard, sent)).isEqualTo(Reason.RATE_LIMITED);
    clock.advance(Duration.ofSeconds(10));
    assertThat(reason(guard, sent)).isEqualTo(Reason.PAYLOAD_TOO_LARGE);
    sent.body = "{not json";
    clock.advance(Duration.ofSeconds(10));
    assertThat(status(guard, sent)).as("unsigned handshake, before the signature").isEqualTo(201);
    sent.unsignedCheck = false;
    clock.advance(Duration.ofSeconds(10));
    assertThat(reason(guard, sent)).isEqualTo(Reason.SIGNATURE_INVALID);
    sent.forged = false;
    clock.advance(Duration.ofSeconds(10));
    assertThat(reason(guard, sent)).isEqualTo(Reason.TIMESTAMP_OUT_OF_TOLERANCE);
    sent.timestamp = clock.instant();
    clock.advance(Duration.ofSeconds(10));
    assertThat(status(guard, sent)).as("signed handshake, after the window").isEqualTo(202);
    sent.signedCheck = false;
    clock.advance(Duration.ofSeconds(10));
    sent.timestamp = clock.instant();
    assertThat(reason(guard, sent)).isEqualTo(Reason.METHOD_NOT_ALLOWED);
    sent.method = "POST";
    clock.advance(Duration.ofSeconds(10));
    sent.timestamp = clock.instant();
    assertThat(reason(guard, sent)).isEqualTo(Reason.MALFORMED_PAYLOAD);
    sent.body = "{\"id\":\"evt_order\"}";
    clock.advance(Duration.ofSeconds(10));
    sent.timestamp = clock.instant();
    assertThat(guard.inspect(sent.request())).isInstanceOf(Decision.Proceed.class);
    clock.advance(Duration.ofSeconds(10));
    sent.timestamp = clock.instant();
    assertThat(reason(guard, sent))
        .as("the claim comes last: the first attempt still holds it")
        .isEqualTo(Reason.DELIVERY_IN_PROGRESS);
  }

  private static Reason reason(WebhookGuard guard, Sent sent) {
    Decision d = guard.inspect(sent.request());
    assertThat(d).isInstanceOf(Decision.Respond.class);
    Reason reason = ((Decision.Respond) d).reason();
    assertThat(reason).isNotNull();
    return reason;
  }

  private static int status(WebhookGuard guard, Sent sent) {
    Decision d = guard.inspect(sent.request());
    assertThat(d).isInstanceOf(Decision.Respond.class);
    assertThat(((Decision.Respond) d).outcome())
        .as(() -> String.valueOf(((Decision.Respond) d).reason()))
        .isEqualTo(Outcome.HANDSHAKE);
    return ((Decision.Respond) d).status();
  }
}

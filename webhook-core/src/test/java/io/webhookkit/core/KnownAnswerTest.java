package io.webhookkit.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.webhookkit.core.signature.SignatureVerdict;
import io.webhookkit.core.signature.SigningInput;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The providers' own published vectors, verified through the whole guard. */
class KnownAnswerTest {

  private static WebhookGuard guard(String provider, String secret, Instant now) {
    EndpointConfig config =
        EndpointConfig.builder(provider).provider(provider).secrets(secret).build();
    return WebhookGuard.builder(config).clock(Clock.fixed(now, ZoneOffset.UTC)).build();
  }

  /**
   * GitHub's documentation, "Testing the webhook payload validation":
   * https://docs.github.com/en/webhooks/using-webhooks/validating-webhook-deliveries
   */
  @Test
  void githubDocumentationVectorVerifies() {
    WebhookRequest request =
        WebhookRequest.builder()
            .remoteAddress("127.0.0.1")
            .header("Content-Type", "application/json")
            .header("X-GitHub-Delivery", "doc-example")
            .header(
                "X-Hub-Signature-256",
                "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17")
            .body("Hello, World!".getBytes(StandardCharsets.UTF_8))
            .build();
    WebhookGuard guard = guard("github", "It's a Secret to Everybody", Instant.now());

    SignatureVerdict verdict = guard.config().rules().signatureScheme().verify(request);

    assertThat(verdict).isInstanceOf(SignatureVerdict.Verified.class);
    assertThat(((SignatureVerdict.Verified) verdict).secretLabel()).isEqualTo("secrets[0]");
    // "Hello, World!" is not JSON, so the guard goes on to refuse it as malformed: after the
    // signature verified, which is what the vector proves.
    Decision decision = guard.inspect(request);
    assertThat(((Decision.Respond) decision).reason()).isEqualTo(Reason.MALFORMED_PAYLOAD);
  }

  @Test
  void githubSigningReproducesTheDocumentationVector() {
    EndpointConfig config =
        EndpointConfig.builder("g")
            .provider("github")
            .secrets("It's a Secret to Everybody")
            .build();
    assertThat(
            config
                .rules()
                .signatureScheme()
                .sign(
                    new SigningInput("Hello, World!".getBytes(StandardCharsets.UTF_8), null, null),
                    config.secrets().get(0)))
        .containsEntry(
            "X-Hub-Signature-256",
            "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17");
  }

  /**
   * Slack's documentation, "Verifying requests from Slack", step-by-step walk-through:
   * https://api.slack.com/authentication/verifying-requests-from-slack
   */
  @Test
  void slackDocumentationVectorIsAcceptedAsASlashCommand() {
    String body =
        "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V"
            + "&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect"
            + "&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554"
            + "%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
    WebhookRequest request =
        WebhookRequest.builder()
            .remoteAddress("127.0.0.1")
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("X-Slack-Request-Timestamp", "1531420618")
            .header(
                "X-Slack-Signature",
                "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503")
            .body(body.getBytes(StandardCharsets.UTF_8))
            .build();

    Decision decision =
        guard("slack", "8f742231b10e8888abcd99yyyzzz85a5", Instant.ofEpochSecond(1531420618))
            .inspect(request);

    assertThat(decision).isInstanceOf(Decision.Proceed.class);
    WebhookEvent event = ((Decision.Proceed) decision).event();
    assertThat(event.eventType()).contains("/webhook-collect");
    assertThat(event.deliveryId())
        .contains("398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c");
    assertThat(event.timestamp()).contains(Instant.ofEpochSecond(1531420618));
  }

  /**
   * The Standard Webhooks reference libraries' test vector (the tests under libraries/ in
   * github.com/standard-webhooks/standard-webhooks), also Svix's.
   */
  @Test
  void standardWebhooksReferenceVectorVerifies() {
    WebhookRequest request =
        WebhookRequest.builder()
            .remoteAddress("::1")
            .header("webhook-id", "msg_p5jXN8AQM9LWM0D4loKWxJek")
            .header("webhook-timestamp", "1614265330")
            .header("webhook-signature", "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")
            .body("{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8))
            .build();

    Decision decision =
        guard(
                "standard-webhooks",
                "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
                Instant.ofEpochSecond(1614265330))
            .inspect(request);

    assertThat(decision).isInstanceOf(Decision.Proceed.class);
    assertThat(((Decision.Proceed) decision).event().deliveryId())
        .contains("msg_p5jXN8AQM9LWM0D4loKWxJek");
  }

  @Test
  void svixAcceptsTheSameVectorUnderItsOwnHeaders() {
    WebhookRequest request =
        WebhookRequest.builder()
            .remoteAddress("127.0.0.1")
            .header("svix-id", "msg_p5jXN8AQM9LWM0D4loKWxJek")
            .header("svix-timestamp", "1614265330")
            .header("svix-signature", "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")
            .body("{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8))
            .build();

    Decision decision =
        guard("svix", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", Instant.ofEpochSecond(1614265330))
            .inspect(request);

    assertThat(decision).isInstanceOf(Decision.Proceed.class);
  }

  @Test
  void standardWebhooksSigningReproducesTheReferenceVector() {
    EndpointConfig config =
        EndpointConfig.builder("sw")
            .provider("standard-webhooks")
            .secrets("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
            .build();
    assertThat(
            config
                .rules()
                .signatureScheme()
                .sign(
                    new SigningInput(
                        "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8),
                        "msg_p5jXN8AQM9LWM0D4loKWxJek",
                        Instant.ofEpochSecond(1614265330)),
                    config.secrets().get(0)))
        .containsEntry("webhook-signature", "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
  }
}

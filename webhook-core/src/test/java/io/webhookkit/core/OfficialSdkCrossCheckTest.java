package io.webhookkit.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.app_backend.SlackSignature;
import com.stripe.net.Webhook;
import io.webhookkit.core.signature.SigningInput;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Sign with the official SDKs and verify with ours, and the other way round: stripe-java,
 * com.standardwebhooks:standardwebhooks, com.svix:svix and Slack's slack-app-backend.
 */
class OfficialSdkCrossCheckTest {
  private static final String BODY =
      "{\"id\":\"evt_1\",\"type\":\"invoice.paid\",\"data\":{\"text\":\"h\u00e9llo \uD83D\uDE00\\r\\n\"}}";
  private static final Instant NOW = Instant.now();

  private static WebhookGuard guard(String provider, String secret) {
    return WebhookGuard.builder(
            EndpointConfig.builder(provider).provider(provider).secrets(secret).build())
        .clock(Clock.fixed(NOW, ZoneOffset.UTC))
        .build();
  }

  private static Map<String, String> ourSignature(String provider, String secret, String id) {
    EndpointConfig c = EndpointConfig.builder("x").provider(provider).secrets(secret).build();
    return c.rules()
        .signatureScheme()
        .sign(new SigningInput(BODY.getBytes(StandardCharsets.UTF_8), id, NOW), c.secrets().get(0));
  }

  private static WebhookRequest request(Map<String, String> headers) {
    WebhookRequest.Builder b =
        WebhookRequest.builder()
            .remoteAddress("127.0.0.1")
            .header("Content-Type", "application/json")
            .body(BODY.getBytes(StandardCharsets.UTF_8));
    headers.forEach(b::header);
    return b.build();
  }

  @Test
  void stripeSdkSignatureVerifiesWithOurs() throws Exception {
    String secret = "whsec_test_cross_check";
    long t = NOW.getEpochSecond();
    String v1 = Webhook.Util.computeHmacSha256(secret, t + "." + BODY);

    Decision d =
        guard("stripe", secret)
            .inspect(request(Map.of("Stripe-Signature", "t=" + t + ",v1=" + v1)));

    assertThat(d).isInstanceOf(Decision.Proceed.class);
  }

  @Test
  void ourStripeSignatureVerifiesWithTheSdk() throws Exception {
    String secret = "whsec_test_cross_check";
    String header = ourSignature("stripe", secret, "evt_1").get("Stripe-Signature");

    assertThat(
            Webhook.Signature.verifyHeader(
                BODY, header, secret, 300, Clock.fixed(NOW, ZoneOffset.UTC)))
        .isTrue();
  }

  @Test
  void standardWebhooksSdkSignatureVerifiesWithOurs() throws Exception {
    String secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    String sig = new com.standardwebhooks.Webhook(secret).sign("msg_1", NOW.getEpochSecond(), BODY);

    Decision d =
        guard("standard-webhooks", secret)
            .inspect(
                request(
                    Map.of(
                        "webhook-id",
                        "msg_1",
                        "webhook-timestamp",
                        Long.toString(NOW.getEpochSecond()),
                        "webhook-signature",
                        sig)));

    assertThat(d).isInstanceOf(Decision.Proceed.class);
  }

  @Test
  void ourStandardWebhooksSignatureVerifiesWithTheSdk() throws Exception {
    String secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    Map<String, String> headers = ourSignature("standard-webhooks", secret, "msg_2");
    Map<String, List<String>> asLists = new java.util.HashMap<>();
    headers.forEach((k, v) -> asLists.put(k, List.of(v)));

    new com.standardwebhooks.Webhook(secret).verify(BODY, asLists); // throws when it disagrees
    assertThat(headers).containsKey("webhook-signature");
  }

  @Test
  void svixSdkSignatureVerifiesWithOurs() throws Exception {
    String secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    String sig = new com.svix.Webhook(secret).sign("msg_3", NOW.getEpochSecond(), BODY);

    Decision d =
        guard("svix", secret)
            .inspect(
                request(
                    Map.of(
                        "svix-id",
                        "msg_3",
                        "svix-timestamp",
                        Long.toString(NOW.getEpochSecond()),
                        "svix-signature",
                        sig)));

    assertThat(d).isInstanceOf(Decision.Proceed.class);
  }

  @Test
  void ourSvixSignatureVerifiesWithTheSdk() throws Exception {
    String secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    Map<String, String> headers = ourSignature("svix", secret, "msg_4");
    Map<String, List<String>> asLists = new java.util.HashMap<>();
    headers.forEach((k, v) -> asLists.put(k, List.of(v)));

    new com.svix.Webhook(secret).verify(BODY, asLists); // throws when it disagrees
    assertThat(headers).containsKeys("svix-id", "svix-timestamp", "svix-signature");
  }

  /**
   * Slack's SDK encodes the body with the platform's default charset (no charset argument), so it
   * agrees with the bytes on the wire only for ASCII bodies, or when the default charset is UTF-8;
   * see the next test.
   */
  private static final String SLACK_BODY =
      "{\"type\":\"event_callback\",\"event_id\":\"Ev1\",\"event\":{\"type\":\"message\",\"text\":\"a\\r\\nb\"}}";

  private static Decision slackDelivery(String secret, String ts, String signature, String body) {
    return guard("slack", secret)
        .inspect(
            WebhookRequest.builder()
                .remoteAddress("127.0.0.1")
                .header("Content-Type", "application/json")
                .header("X-Slack-Request-Timestamp", ts)
                .header("X-Slack-Signature", signature)
                .body(body.getBytes(StandardCharsets.UTF_8))
                .build());
  }

  @Test
  void slackSdkSignatureVerifiesWithOurs() {
    String secret = "8f742231b10e8888abcd99yyyzzz85a5";
    String ts = Long.toString(NOW.getEpochSecond());
    String sig = new SlackSignature.Generator(secret).generate(ts, SLACK_BODY);

    assertThat(slackDelivery(secret, ts, sig, SLACK_BODY)).isInstanceOf(Decision.Proceed.class);
  }

  /**
   * Found by the ISO-8859-1 run: for a non-ASCII body the Slack SDK's signature covers the body
   * re-encoded in the platform charset, not the UTF-8 bytes Slack sends. The kit verifies the bytes
   * as received, so it accepts that signature exactly when the platform charset is UTF-8.
   */
  @Test
  void slackSdkSignsThePlatformCharsetNotTheBytesSent() {
    String secret = "8f742231b10e8888abcd99yyyzzz85a5";
    String ts = Long.toString(NOW.getEpochSecond());
    String body =
        "{\"type\":\"event_callback\",\"event_id\":\"Ev2\",\"text\":\"caf\u00e9 \uD83D\uDE00\"}";
    String sig = new SlackSignature.Generator(secret).generate(ts, body);

    Decision d = slackDelivery(secret, ts, sig, body);

    boolean utf8Platform = java.nio.charset.Charset.defaultCharset().equals(StandardCharsets.UTF_8);
    assertThat(d instanceof Decision.Proceed).isEqualTo(utf8Platform);
  }

  @Test
  void ourSlackSignatureVerifiesWithTheSdk() {
    String secret = "8f742231b10e8888abcd99yyyzzz85a5";
    EndpointConfig c = EndpointConfig.builder("x").provider("slack").secrets(secret).build();
    Map<String, String> headers =
        c.rules()
            .signatureScheme()
            .sign(
                new SigningInput(SLACK_BODY.getBytes(StandardCharsets.UTF_8), null, NOW),
                c.secrets().get(0));
    SlackSignature.Verifier verifier =
        new SlackSignature.Verifier(new SlackSignature.Generator(secret));

    assertThat(
            verifier.isValid(
                headers.get("X-Slack-Request-Timestamp"),
                SLACK_BODY,
                headers.get("X-Slack-Signature"),
                NOW.toEpochMilli()))
        .isTrue();
  }
}

package io.webhookkit.core.provider;

import static io.webhookkit.core.provider.PresetTests.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.webhookkit.core.EndpointConfig;
import io.webhookkit.core.Reason;
import io.webhookkit.core.WebhookConfigurationException;
import io.webhookkit.core.WebhookEvent;
import io.webhookkit.core.WebhookGuard;
import io.webhookkit.core.WebhookRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/**
 * Presets whose providers document a body MAC or a shared token but publish no vector: each case
 * signs a body of the provider's shape the documented way ("computed vector", see {@link
 * PresetTests}), then checks the id and type the preset reads, and that a changed body (or token)
 * is refused.
 */
class MoreCataloguePresetsTest {
  private static final String KEY = "whk-Secret_42";

  /** One provider: its secret, a body, the headers that sign it, what the event must say. */
  private record Case(
      String preset,
      String secret,
      String body,
      BiFunction<String, String, Map<String, String>> headers,
      Optional<String> id,
      Optional<String> type) {}

  private static String sha1b64(String key, String body) {
    return Base64.getEncoder()
        .encodeToString(mac("HmacSHA1", key.getBytes(StandardCharsets.UTF_8), body));
  }

  private static String basic(String pair) {
    return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
  }

  private static final byte[] TEAMS_KEY = "teams-token-bytes".getBytes(StandardCharsets.UTF_8);
  private static final String TEAMS_SECRET = Base64.getEncoder().encodeToString(TEAMS_KEY);

  private static final List<Case> CASES =
      List.of(
          new Case(
              "tally",
              KEY,
              "{\"eventId\":\"a4cb511e-d513-4fa5\",\"eventType\":\"FORM_RESPONSE\",\"data\":{}}",
              (s, b) -> Map.of("Tally-Signature", b64256(s, b)),
              Optional.of("a4cb511e-d513-4fa5"),
              Optional.of("FORM_RESPONSE")),
          new Case(
              "msteams",
              TEAMS_SECRET,
              "{\"type\":\"message\",\"id\":\"1485983408511\",\"text\":\"<at>Bot</at> hi\"}",
              (s, b) ->
                  Map.of(
                      "Authorization",
                      "HMAC "
                          + Base64.getEncoder()
                              .encodeToString(mac("HmacSHA256", Base64.getDecoder().decode(s), b))),
              Optional.of("1485983408511"),
              Optional.of("message")),
          new Case(
              "helpscout",
              KEY,
              "{\"id\":123,\"type\":\"email\"}",
              (s, b) ->
                  Map.of(
                      "X-HelpScout-Signature", sha1b64(s, b), "X-HelpScout-Event", "convo.created"),
              Optional.empty(),
              Optional.of("convo.created")),
          new Case(
              "onfido",
              KEY,
              "{\"payload\":{\"resource_type\":\"check\",\"action\":\"check.completed\",\"object\":{\"id\":\"c1\"}}}",
              (s, b) -> Map.of("X-SHA2-Signature", hex256(s, b)),
              Optional.empty(),
              Optional.of("check.completed")),
          new Case(
              "dwolla",
              KEY,
              "{\"id\":\"80d8ffd5-4d6c-4f9d\",\"topic\":\"customer_created\"}",
              (s, b) -> Map.of("X-Request-Signature-SHA-256", hex256(s, b)),
              Optional.of("80d8ffd5-4d6c-4f9d"),
              Optional.of("customer_created")),
          new Case(
              "pusher",
              KEY,
              "{\"time_ms\":1327078148132,\"events\":[{\"name\":\"channel_occupied\",\"channel\":\"test\"}]}",
              (s, b) -> Map.of("X-Pusher-Key", "app-key", "X-Pusher-Signature", hex256(s, b)),
              Optional.empty(),
              Optional.empty()),
          new Case(
              "sendbird",
              KEY,
              "{\"category\":\"group_channel:message_send\",\"payload\":{}}",
              (s, b) -> Map.of("x-sendbird-signature", hex256(s, b)),
              Optional.empty(),
              Optional.of("group_channel:message_send")),
          new Case(
              "nylas",
              KEY,
              "{\"specversion\":\"1.0\",\"type\":\"message.created\",\"id\":\"n-1\",\"data\":{}}",
              (s, b) -> Map.of("X-Nylas-Signature", hex256(s, b)),
              Optional.of("n-1"),
              Optional.of("message.created")),
          new Case(
              "stream",
              KEY,
              "{\"type\":\"message.new\",\"message\":{\"text\":\"grüß\"}}",
              (s, b) -> Map.of("X-Signature", hex256(s, b), "X-Webhook-Id", "wh-77"),
              Optional.of("wh-77"),
              Optional.of("message.new")),
          new Case(
              "elevenlabs",
              KEY,
              "{\"type\":\"post_call_transcription\",\"data\":{\"agent_id\":\"a1\"}}",
              (s, b) -> {
                long t = NOW.getEpochSecond();
                return Map.of("ElevenLabs-Signature", "t=" + t + ",v0=" + hex256(s, t + "." + b));
              },
              Optional.empty(),
              Optional.of("post_call_transcription")),
          new Case(
              "veriff",
              KEY,
              "{\"id\":\"f04bdb47\",\"action\":\"submitted\",\"feature\":\"selfid\"}",
              (s, b) -> Map.of("X-HMAC-SIGNATURE", hex256(s, b), "X-AUTH-CLIENT", "api-key"),
              Optional.empty(),
              Optional.of("submitted")),
          new Case(
              "hookdeck",
              KEY,
              "{\"any\":\"payload\"}",
              (s, b) -> Map.of("x-hookdeck-signature", b64256(s, b), "x-hookdeck-eventid", "evt_9"),
              Optional.of("evt_9"),
              Optional.empty()),
          new Case(
              "xendit",
              KEY,
              "{\"id\":\"579c8d61f23fa4ca35e52da4\",\"status\":\"PAID\"}",
              (s, b) -> Map.of("x-callback-token", s),
              Optional.of("579c8d61f23fa4ca35e52da4"),
              Optional.empty()),
          new Case(
              "flutterwave",
              KEY,
              "{\"event\":\"charge.completed\",\"data\":{\"id\":285959875}}",
              (s, b) -> Map.of("verif-hash", s),
              Optional.of("285959875"),
              Optional.of("charge.completed")),
          new Case(
              "vapi",
              KEY,
              "{\"message\":{\"type\":\"end-of-call-report\"}}",
              (s, b) -> Map.of("X-Vapi-Secret", s),
              Optional.empty(),
              Optional.of("end-of-call-report")),
          new Case(
              "auth0",
              KEY,
              "[{\"log_id\":\"90020221207\",\"data\":{\"type\":\"s\"}}]",
              (s, b) -> Map.of("Authorization", "Bearer " + s),
              Optional.empty(),
              Optional.empty()),
          new Case(
              "chargebee",
              "hooks:Pa55-word",
              "{\"id\":\"ev_16BHbhF4s42tO2lK\",\"event_type\":\"subscription_created\"}",
              (s, b) -> Map.of("Authorization", basic(s)),
              Optional.of("ev_16BHbhF4s42tO2lK"),
              Optional.of("subscription_created")),
          new Case(
              "postmark",
              "hooks:Pa55-word",
              "{\"RecordType\":\"Delivery\",\"MessageID\":\"883953f4-6105-42a2\"}",
              (s, b) -> Map.of("Authorization", basic(s)),
              Optional.empty(),
              Optional.of("Delivery")));

  @Test
  void eachPresetVerifiesItsProvidersDocumentedSignatureAndReadsIdAndType() {
    for (Case c : CASES) {
      WebhookGuard guard = guard(c.preset(), c.secret(), Map.of());
      WebhookRequest.Builder request = post(c.body());
      c.headers().apply(c.secret(), c.body()).forEach(request::header);
      WebhookEvent event = proceeds(guard, request.build());
      if (c.id().isPresent()) {
        assertThat(event.deliveryId()).as(c.preset()).isEqualTo(c.id());
      } else {
        assertThat(event.deliveryId())
            .as(c.preset())
            .hasValueSatisfying(id -> assertThat(id).startsWith("sha256:"));
      }
      assertThat(event.eventType()).as(c.preset()).isEqualTo(c.type());
    }
  }

  @Test
  void eachPresetRefusesAnotherSecretsSignatureOrToken() {
    for (Case c : CASES) {
      WebhookGuard guard = guard(c.preset(), c.secret(), Map.of());
      String other =
          c.preset().equals("msteams")
              ? Base64.getEncoder().encodeToString("another".getBytes(StandardCharsets.UTF_8))
              : c.secret() + "x";
      WebhookRequest.Builder request = post(c.body());
      c.headers().apply(other, c.body()).forEach(request::header);
      assertThat(responds(guard, request.build()).reason())
          .as(c.preset())
          .isEqualTo(Reason.SIGNATURE_INVALID);
    }
  }

  @Test
  void basicCredentialsMustBeUserAndPassword() {
    assertThatThrownBy(
            () ->
                EndpointConfig.builder("cb").provider("chargebee").secrets("no-colon-here").build())
        .isInstanceOf(WebhookConfigurationException.class)
        .hasMessageContaining("user:password")
        .hasMessageNotContaining("no-colon-here");
  }
}

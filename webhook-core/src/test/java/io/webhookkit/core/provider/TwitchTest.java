package io.webhookkit.core.provider;

import static io.webhookkit.core.provider.PresetTests.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.webhookkit.core.Decision;
import io.webhookkit.core.Reason;
import io.webhookkit.core.WebhookEvent;
import io.webhookkit.core.WebhookGuard;
import io.webhookkit.core.WebhookRequest;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Twitch preset through the whole guard; how vectors are chosen: {@link PresetTests}. */
class TwitchTest {
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
}

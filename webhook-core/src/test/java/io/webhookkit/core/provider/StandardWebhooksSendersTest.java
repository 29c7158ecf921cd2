package io.webhookkit.core.provider;

import static io.webhookkit.core.provider.PresetTests.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.webhookkit.core.Reason;
import io.webhookkit.core.WebhookEvent;
import io.webhookkit.core.WebhookGuard;
import io.webhookkit.core.WebhookRequest;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The senders that sign with Standard Webhooks under their own preset name (OpenAI, Replicate,
 * Brex, Lithic), each checked against the specification's published vector (the Standard Webhooks
 * and Svix libraries' test vector: {@code whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw}, {@code
 * msg_p5jXN8AQM9LWM0D4loKWxJek}, 1614265330, {@code {"test": 2432232314}}) and for the event type
 * each sender names.
 */
class StandardWebhooksSendersTest {
  private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
  private static final Instant SIGNED_AT = Instant.ofEpochSecond(1614265330L);

  private static WebhookRequest published(String body, String signature) {
    return post(body)
        .header("webhook-id", "msg_p5jXN8AQM9LWM0D4loKWxJek")
        .header("webhook-timestamp", "1614265330")
        .header("webhook-signature", signature)
        .build();
  }

  @Test
  void eachSenderVerifiesTheSpecificationsVector() {
    for (String sender : List.of("openai", "replicate", "brex", "lithic")) {
      WebhookGuard guard = guard(sender, SECRET, Map.of(), SIGNED_AT.plusSeconds(1));
      WebhookEvent event =
          proceeds(
              guard,
              published(
                  "{\"test\": 2432232314}", "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="));
      assertThat(event.deliveryId()).as(sender).contains("msg_p5jXN8AQM9LWM0D4loKWxJek");
      refused(
          guard,
          published("{\"test\": 2432232315}", "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="),
          Reason.SIGNATURE_INVALID);
    }
  }

  /** Computed vectors, signed as the specification says, to read each sender's event type. */
  @Test
  void eachSenderNamesItsEventTypeWhereItPutsIt() {
    Map<String, String> bodies =
        Map.of(
            "openai", "{\"object\":\"event\",\"id\":\"evt_1\",\"type\":\"batch.completed\"}",
            "brex", "{\"event_type\":\"TRANSFER_PROCESSED\",\"transfer_id\":\"tr_1\"}",
            "lithic", "{\"event_type\":\"card_transaction.updated\",\"token\":\"t_1\"}",
            "replicate", "{\"id\":\"p_1\",\"status\":\"succeeded\"}");
    Map<String, String> types =
        Map.of(
            "openai", "batch.completed",
            "brex", "TRANSFER_PROCESSED",
            "lithic", "card_transaction.updated");
    byte[] key = Base64.getDecoder().decode(SECRET.substring("whsec_".length()));
    for (var e : bodies.entrySet()) {
      String content = "msg_1." + NOW.getEpochSecond() + "." + e.getValue();
      String signature =
          "v1," + Base64.getEncoder().encodeToString(mac("HmacSHA256", key, content));
      WebhookEvent event =
          proceeds(
              guard(e.getKey(), SECRET, Map.of()),
              post(e.getValue())
                  .header("webhook-id", "msg_1")
                  .header("webhook-timestamp", Long.toString(NOW.getEpochSecond()))
                  .header("webhook-signature", signature)
                  .build());
      assertThat(event.eventType())
          .as(e.getKey())
          .isEqualTo(Optional.ofNullable(types.get(e.getKey())));
    }
  }
}

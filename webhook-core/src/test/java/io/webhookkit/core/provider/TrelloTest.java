package io.webhookkit.core.provider;

import static io.webhookkit.core.provider.PresetTests.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.webhookkit.core.Decision;
import io.webhookkit.core.Reason;
import io.webhookkit.core.WebhookEvent;
import io.webhookkit.core.WebhookGuard;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Trello preset through the whole guard; how vectors are chosen: {@link PresetTests}. */
class TrelloTest {
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
}

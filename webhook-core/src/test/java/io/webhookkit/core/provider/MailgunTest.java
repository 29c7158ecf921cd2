package io.webhookkit.core.provider;

import static io.webhookkit.core.provider.PresetTests.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.webhookkit.core.Reason;
import io.webhookkit.core.WebhookEvent;
import io.webhookkit.core.WebhookRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Mailgun preset through the whole guard; how vectors are chosen: {@link PresetTests}. */
class MailgunTest {
  @Test
  void mailgunSignatureFieldsInsideTheBody() {
    long ts = NOW.getEpochSecond();
    String token = "a8ce0edb2dd8301dcc6ba5f98b7fd6a3d7ce7bd4f2e1b3b8d7";
    String body =
        "{\"signature\":{\"timestamp\":\""
            + ts
            + "\",\"token\":\""
            + token
            + "\",\"signature\":\""
            + hex256(SECRET, ts + token)
            + "\"},\"event-data\":{\"id\":\"mg-1\",\"event\":\"delivered\"}}";
    WebhookEvent event = proceeds(guard("mailgun", SECRET, Map.of()), post(body).build());
    assertThat(event.deliveryId()).contains("mg-1");
    assertThat(event.eventType()).contains("delivered");
    refused(guard("mailgun", "other-key", Map.of()), post(body).build(), Reason.SIGNATURE_INVALID);
    String form =
        "timestamp="
            + ts
            + "&token="
            + token
            + "&signature="
            + hex256(SECRET, ts + token)
            + "&event=opened";
    WebhookEvent legacy =
        proceeds(
            guard("mailgun", SECRET, Map.of()),
            WebhookRequest.builder()
                .remoteAddress("127.0.0.1")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .body(form.getBytes(StandardCharsets.UTF_8))
                .build());
    assertThat(legacy.deliveryId()).contains(token);
  }
}

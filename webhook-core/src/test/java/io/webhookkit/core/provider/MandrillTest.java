package io.webhookkit.core.provider;

import static io.webhookkit.core.provider.PresetTests.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.webhookkit.core.Decision;
import io.webhookkit.core.Reason;
import io.webhookkit.core.WebhookEvent;
import io.webhookkit.core.WebhookGuard;
import io.webhookkit.core.WebhookRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Mandrill preset through the whole guard; how vectors are chosen: {@link PresetTests}. */
class MandrillTest {
  /**
   * Mandrill signs the registered URL followed by each form parameter's name and value, sorted by
   * name (base64 HMAC-SHA1), and checks the URL with an unsigned {@code HEAD}. Computed vector.
   */
  @Test
  void mandrillSignsTheUrlAndSortedFormParameters() {
    String url = "https://example.com/hooks/mandrill";
    WebhookGuard guard = guard("mandrill", SECRET, Map.of("public-url", url));
    String events = "[{\"event\":\"send\",\"_id\":\"7761629\",\"ts\":1764417600}]";
    String form =
        "mandrill_events="
            + java.net.URLEncoder.encode(events, StandardCharsets.UTF_8)
            + "&a_first=1";
    String signature =
        Base64.getEncoder()
            .encodeToString(
                mac(
                    "HmacSHA1",
                    SECRET.getBytes(StandardCharsets.UTF_8),
                    url + "a_first" + "1" + "mandrill_events" + events));
    WebhookRequest.Builder request =
        WebhookRequest.builder()
            .remoteAddress("127.0.0.1")
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("X-Mandrill-Signature", signature)
            .body(form.getBytes(StandardCharsets.UTF_8));
    WebhookEvent event = proceeds(guard, request.build());
    assertThat(event.deliveryId()).hasValueSatisfying(id -> assertThat(id).startsWith("sha256:"));
    refused(
        guard,
        WebhookRequest.builder()
            .remoteAddress("127.0.0.1")
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("X-Mandrill-Signature", signature)
            .body(form.replace("7761629", "7761620").getBytes(StandardCharsets.UTF_8))
            .build(),
        Reason.SIGNATURE_INVALID);
    Decision.Respond head = responds(guard, request("HEAD").build());
    assertThat(head.status()).isEqualTo(200);
  }
}

package io.webhookkit.core.provider;

import static io.webhookkit.core.provider.PresetTests.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.webhookkit.core.Reason;
import io.webhookkit.core.WebhookConfigurationException;
import io.webhookkit.core.WebhookEvent;
import io.webhookkit.core.WebhookGuard;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Square preset through the whole guard; how vectors are chosen: {@link PresetTests}. */
class SquareTest {
  /**
   * Square's own SDK test vectors: square-java-sdk {@code WebhooksHelperTest} (a test notification
   * captured from the Square Developer Portal, and the escaped-body vector).
   */
  @Test
  void squareSdkVectorsVerify() {
    String body =
        "{\"merchant_id\":\"MLEFBHHSJGVHD\",\"type\":\"webhooks.test_notification\","
            + "\"event_id\":\"ac3ac95b-f97d-458c-a6e6-18981597e05f\","
            + "\"created_at\":\"2022-07-13T20:30:59.037339943Z\","
            + "\"data\":{\"type\":\"webhooks\",\"id\":\"bc368e64-01aa-407e-b46e-3231809b1129\"}}";
    String url = "https://webhook.site/679a4f3a-dcfa-49ee-bac5-9d0edad886b9";
    String signature = "GF4YkrJgGBDZ9NIYbNXBnMzqb2HoL4RW/S6vkZ9/2N4=";

    WebhookEvent event =
        proceeds(
            guard("square", "Ibxx_5AKakO-3qeNVR61Dw", Map.of("public-url", url)),
            post(body).header("x-square-hmacsha256-signature", signature).build());
    assertThat(event.deliveryId()).contains("ac3ac95b-f97d-458c-a6e6-18981597e05f");
    assertThat(event.eventType()).contains("webhooks.test_notification");
    // "testSignatureValidationFailUrlMismatch", "...FailInvalidSignatureKey".
    refused(
        guard(
            "square",
            "Ibxx_5AKakO-3qeNVR61Dw",
            Map.of("public-url", "https://webhook.site/79a4f3a-dcfa-49ee-bac5-9d0edad886b9")),
        post(body).header("x-square-hmacsha256-signature", signature).build(),
        Reason.SIGNATURE_INVALID);
    refused(
        guard("square", "MCmhFRxGX82xMwg5FsaoQA", Map.of("public-url", url)),
        post(body).header("x-square-hmacsha256-signature", signature).build(),
        Reason.SIGNATURE_INVALID);
    // "testSignatureValidationEscapedPass": verifies, then has no event_id.
    refused(
        guard("square", "signature-key", Map.of("public-url", "https://webhook.site/webhooks")),
        post("{\"data\":{\"type\":\"webhooks\",\"id\":\">id<\"}}")
            .header("x-square-hmacsha256-signature", "Cxt7+aTi4rKgcA0bC4g9EHdVtLSDWdqccmL5MvihU4U=")
            .build(),
        Reason.MALFORMED_PAYLOAD);
  }

  @Test
  void squareSignsThePublicUrlAndBody() {
    String url = "https://example.com/webhooks/square";
    String body = "{\"merchant_id\":\"M1\",\"type\":\"payment.created\",\"event_id\":\"sq-1\"}";
    WebhookGuard guard = guard("square", SECRET, Map.of("public-url", url));
    WebhookEvent event =
        proceeds(
            guard,
            post(body).header("x-square-hmacsha256-signature", b64256(SECRET, url + body)).build());
    assertThat(event.deliveryId()).contains("sq-1");
    assertThat(event.eventType()).contains("payment.created");
    // Signed for another URL (the request's own, without public-url) is not this endpoint's.
    refused(
        guard,
        post(body)
            .header(
                "x-square-hmacsha256-signature", b64256(SECRET, "http://127.0.0.1:8080/" + body))
            .build(),
        Reason.SIGNATURE_INVALID);
    assertThatThrownBy(() -> guard("square", SECRET, Map.of("public-url", "/relative")))
        .isInstanceOf(WebhookConfigurationException.class)
        .hasMessageContaining("public-url");
    assertThatThrownBy(() -> guard("github", SECRET, Map.of("public-url", url)))
        .isInstanceOf(WebhookConfigurationException.class)
        .hasMessageContaining("public-url")
        .hasMessageContaining("not used");
  }
}

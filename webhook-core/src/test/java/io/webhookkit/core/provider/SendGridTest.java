package io.webhookkit.core.provider;

import static io.webhookkit.core.provider.PresetTests.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.webhookkit.core.Reason;
import io.webhookkit.core.WebhookConfigurationException;
import io.webhookkit.core.WebhookEvent;
import io.webhookkit.core.WebhookGuard;
import io.webhookkit.core.WebhookRequest;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The SendGrid preset through the whole guard; how vectors are chosen: {@link PresetTests}. */
class SendGridTest {
  /**
   * SendGrid's own SDK test vector: sendgrid-java {@code EventWebhookTest} (public key, signature,
   * timestamp 1600112502, the one-event payload serialized by Jackson plus CRLF).
   */
  @Test
  void sendgridSdkVectorVerifiesWithTheJdkAlone() {
    String payload =
        "[{\"email\":\"hello@world.com\",\"event\":\"dropped\",\"reason\":\"Bounced Address\","
            + "\"sg_event_id\":\"ZHJvcC0xMDk5NDkxOS1MUnpYbF9OSFN0T0doUTRrb2ZTbV9BLTA\","
            + "\"sg_message_id\":\"LRzXl_NHStOGhQ4kofSm_A.filterdrecv-p3mdw1-756b745b58-kmzbl-18-5F5FC76C-9.0\","
            + "\"smtp-id\":\"<LRzXl_NHStOGhQ4kofSm_A@ismtpd0039p1iad1.sendgrid.net>\",\"timestamp\":1600112492}]\r\n";
    String publicKey =
        "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE83T4O/n84iotIvIW4mdBgQ/7dAfSmpqIM8kF9mN1flpVKS3GRqe62gw+2fNNRaINXvVpiglSI8eNEc6wEA3F+g==";
    String signature =
        "MEUCIGHQVtGj+Y3LkG9fLcxf3qfI10QysgDWmMOVmxG0u6ZUAiEAyBiXDWzM+uOe5W0JuG+luQAbPIqHh89M15TluLtEZtM=";
    WebhookGuard guard =
        guard("sendgrid", publicKey, Map.of(), Instant.ofEpochSecond(1600112502L + 30));
    WebhookRequest.Builder request =
        post(payload)
            .header("X-Twilio-Email-Event-Webhook-Timestamp", "1600112502")
            .header("X-Twilio-Email-Event-Webhook-Signature", signature);

    WebhookEvent event = proceeds(guard, request.build());
    assertThat(event.deliveryId())
        .get(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .startsWith("sha256:");
    refused(
        guard,
        post(payload.replace("dropped", "Dropped"))
            .header("X-Twilio-Email-Event-Webhook-Timestamp", "1600112502")
            .header("X-Twilio-Email-Event-Webhook-Signature", signature)
            .build(),
        Reason.SIGNATURE_INVALID);
    // "testBadSignature": SendGrid's other signature.
    refused(
        guard,
        post(payload)
            .header("X-Twilio-Email-Event-Webhook-Timestamp", "1600112502")
            .header(
                "X-Twilio-Email-Event-Webhook-Signature",
                "MEUCIQCtIHJeH93Y+qpYeWrySphQgpNGNr/U+UyUlBkU6n7RAwIgJTz2C+8a8xonZGi6BpSzoQsbVRamr2nlxFDWYNH3j/0=")
            .build(),
        Reason.SIGNATURE_INVALID);
    assertThatThrownBy(() -> guard("sendgrid", "not a key", Map.of()))
        .isInstanceOf(WebhookConfigurationException.class)
        .hasMessageContaining("secrets")
        .hasMessageNotContaining("not a key");
  }
}

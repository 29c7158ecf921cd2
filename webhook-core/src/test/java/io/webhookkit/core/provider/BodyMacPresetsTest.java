package io.webhookkit.core.provider;

import static io.webhookkit.core.provider.PresetTests.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.webhookkit.core.EndpointConfig;
import io.webhookkit.core.Reason;
import io.webhookkit.core.WebhookConfigurationException;
import io.webhookkit.core.WebhookEvent;
import io.webhookkit.core.WebhookGuard;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The presets that MAC the body (or a timestamp and the body) into one header, or hold a shared
 * token: Coinbase Commerce, Zendesk, Airtable, HCP Terraform, Gitea, Forgejo, Telegram, and
 * Telnyx's Ed25519. How vectors are chosen: {@link PresetTests}.
 */
class BodyMacPresetsTest {
  /** Derived vectors (no provider publishes one) share this body: UTF-8 with a non-ASCII byte. */
  private static final String BODY =
      "{\"id\":\"evt_1\",\"type\":\"test.event\",\"data\":{\"a\":\"ä\"}}";

  /**
   * Coinbase's own vector: coinbase-commerce-node {@code test/testWebhook.spec.js} "should
   * successfully verify signature and return event" (secret, payload and signature as published),
   * and its negative with the secret's last character changed.
   */
  @Test
  void coinbaseCommerceSdkVectorVerifies() {
    String payload =
        "{\"id\":1,\"scheduled_for\":\"2017-01-31T20:50:02Z\",\"attempt_number\":1,\"event\":{\"id\":\"24934862-d980-46cb-9402-43c81b0cdba6\",\"type\":\"charge:created\",\"api_version\":\"2018-03-22\",\"created_at\":\"2017-01-31T20:49:02Z\",\"data\":{\"code\":\"66BEOV2A\",\"name\":\"The Sovereign Individual\",\"description\":\"Mastering the Transition to the Information Age\",\"hosted_url\":\"https://commerce.coinbase.com/charges/66BEOV2A\",\"created_at\":\"2017-01-31T20:49:02Z\",\"expires_at\":\"2017-01-31T21:04:02Z\",\"timeline\":[{\"time\":\"2017-01-31T20:49:02Z\",\"status\":\"NEW\"}],\"metadata\":{},\"pricing_type\":\"no_price\",\"payments\":[],\"addresses\":{\"bitcoin\":\"0000000000000000000000000000000000\",\"ethereum\":\"0x0000000000000000000000000000000000000000\",\"litecoin\":\"3000000000000000000000000000000000\",\"bitcoincash\":\"bitcoincash:000000000000000000000000000000000000000000\"}}}}";
    String signature = "8be7742c7d372f08a6a3224edadf18a22b65fa9e28f3f2de97376cdaa092590d";
    WebhookGuard guard =
        guard("coinbase-commerce", "30291a20-0bd1-4267-9b0f-e6e7b123c0bf", Map.of());

    WebhookEvent event =
        proceeds(guard, post(payload).header("X-CC-Webhook-Signature", signature).build());
    assertThat(event.deliveryId()).contains("24934862-d980-46cb-9402-43c81b0cdba6");
    assertThat(event.eventType()).contains("charge:created");
    refused(
        guard("coinbase-commerce", "30291a20-0bd1-4267-9b0f-e6e7b123c0bg", Map.of()),
        post(payload).header("X-CC-Webhook-Signature", signature).build(),
        Reason.SIGNATURE_INVALID);
  }

  /**
   * Zendesk: a derived vector (secret {@code zd_secret}, timestamp {@code 2026-11-26T10:00:00Z},
   * {@link #BODY}) from Zendesk's documented {@code base64(HMACSHA256(TIMESTAMP + BODY))}, checked
   * with Python's hmac; Zendesk publishes none.
   */
  @Test
  void zendeskDerivedVectorVerifies() {
    Instant at = Instant.parse("2026-11-26T10:00:00Z");
    WebhookGuard guard = guard("zendesk", "zd_secret", Map.of(), at.plusSeconds(20));
    WebhookEvent event =
        proceeds(
            guard,
            post(BODY)
                .header(
                    "X-Zendesk-Webhook-Signature", "RCW/KFiB58cV8U6pTC/Lxf5PgEvfPkqXkHVDR7Rv6c4=")
                .header("X-Zendesk-Webhook-Signature-Timestamp", "2026-11-26T10:00:00Z")
                .header("X-Zendesk-Webhook-Invocation-Id", "8350205582")
                .build());
    assertThat(event.deliveryId()).contains("8350205582");
    assertThat(event.eventType()).contains("test.event");
    assertThat(event.timestamp()).contains(at);
    refused(
        guard,
        post(BODY)
            .header("X-Zendesk-Webhook-Signature", "RCW/KFiB58cV8U6pTC/Lxf5PgEvfPkqXkHVDR7Rv6c4=")
            .header("X-Zendesk-Webhook-Signature-Timestamp", "2026-11-26T10:00:01Z")
            .header("X-Zendesk-Webhook-Invocation-Id", "8350205582")
            .build(),
        Reason.SIGNATURE_INVALID);
  }

  /**
   * Airtable: a derived vector (the base64 secret below, {@link #BODY}) from Airtable's documented
   * {@code hmac-sha256=} + hex HMAC keyed with the decoded {@code macSecretBase64}.
   */
  @Test
  void airtableKeysWithTheDecodedBase64Secret() {
    String secret = "YWlydGFibGUtbWFjLXNlY3JldC0zMi1ieXRlcyEhISE=";
    String mac = "hmac-sha256=c069d3adb3a7ab17ca07b2e5960b07e365b6f365f77fe805f286b372cf14763d";
    WebhookGuard guard = guard("airtable", secret, Map.of());
    proceeds(guard, post(BODY).header("X-Airtable-Content-MAC", mac).build());
    refused(
        guard,
        post(BODY).header("X-Airtable-Content-MAC", mac.replace("hmac-sha256=", "")).build(),
        Reason.SIGNATURE_INVALID);
    assertThatThrownBy(
            () ->
                EndpointConfig.builder("airtable")
                    .provider("airtable")
                    .secrets("not base64!")
                    .build())
        .isInstanceOf(WebhookConfigurationException.class)
        .hasMessageContaining("secrets")
        .hasMessageNotContaining("not base64!");
  }

  /** HCP Terraform: a derived vector (token {@code tfc_token}, {@link #BODY}), HMAC-SHA512 hex. */
  @Test
  void terraformCloudDerivedVectorIsSha512() {
    String mac =
        "02b68e3609db258890c5ab809cf30efe2ccc0276bf90147286567106c6e824129e286a3429aebf6457d056a4fddac0f455f340eaf0452a57f989fc187e719c5f";
    WebhookGuard guard = guard("terraform-cloud", "tfc_token", Map.of());
    proceeds(guard, post(BODY).header("X-TFE-Notification-Signature", mac).build());
    refused(
        guard,
        post(BODY).header("X-TFE-Notification-Signature", hex256("tfc_token", BODY)).build(),
        Reason.SIGNATURE_INVALID);
  }

  /** Gitea and Forgejo: computed vectors, as Gitea's {@code deliver.go} signs (hex, no prefix). */
  @Test
  void giteaAndForgejoReadTheirOwnHeaders() {
    String push = "{\"ref\":\"refs/heads/main\",\"after\":\"1a2b3c4\"}";
    WebhookEvent gitea =
        proceeds(
            guard("gitea", SECRET, Map.of()),
            post(push)
                .header("X-Gitea-Signature", hex256(SECRET, push))
                .header("X-Gitea-Delivery", "8a3f2c1e-9d4b-4a7e-b1c2-3d4e5f6a7b8c")
                .header("X-Gitea-Event", "push")
                .build());
    assertThat(gitea.deliveryId()).contains("8a3f2c1e-9d4b-4a7e-b1c2-3d4e5f6a7b8c");
    assertThat(gitea.eventType()).contains("push");

    WebhookGuard forgejo = guard("forgejo", SECRET, Map.of());
    WebhookEvent both =
        proceeds(
            forgejo,
            post(push)
                .header("X-Forgejo-Signature", hex256(SECRET, push))
                .header("X-Gitea-Signature", hex256(SECRET, push))
                .header("X-Forgejo-Delivery", "f-1")
                .header("X-Gitea-Delivery", "f-1")
                .header("X-Forgejo-Event", "push")
                .build());
    assertThat(both.deliveryId()).contains("f-1");
    refused(
        forgejo,
        post(push)
            .header("X-Forgejo-Signature", hex256("other", push))
            .header("X-Forgejo-Delivery", "f-2")
            .build(),
        Reason.SIGNATURE_INVALID);
  }

  /** Telegram: the configured {@code secret_token} in its header, compared in constant time. */
  @Test
  void telegramComparesTheSecretToken() {
    String update = "{\"update_id\":815232011,\"message\":{\"message_id\":1,\"text\":\"/start\"}}";
    WebhookGuard guard = guard("telegram", "tg_Secret-Token_1", Map.of());
    WebhookEvent event =
        proceeds(
            guard,
            post(update).header("X-Telegram-Bot-Api-Secret-Token", "tg_Secret-Token_1").build());
    assertThat(event.deliveryId()).contains("815232011");
    refused(
        guard,
        post(update).header("X-Telegram-Bot-Api-Secret-Token", "tg_Secret-Token_2").build(),
        Reason.SIGNATURE_INVALID);
    refused(guard, post(update).build(), Reason.SIGNATURE_MISSING);
  }

  /**
   * Telnyx: a derived vector — RFC 8032 §7.1 TEST 1's key pair (public key base64 below), timestamp
   * 1764151200 and the Telnyx-shaped event below, signed over {@code timestamp|body} as Telnyx
   * documents, with Python's cryptography. Telnyx publishes none.
   */
  @Test
  void telnyxDerivedEd25519VectorVerifies() {
    Instant at = Instant.ofEpochSecond(1764151200L);
    String publicKey = "11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=";
    String signature =
        "lzpq26oO82LXdIUJql7zfFhKy0NoXt9q4lv/mIQtnuH42HDcRk+jubfkCnXhugkHiySblyk8NmkBNOHOBv+4DA==";
    String body =
        "{\"data\":{\"event_type\":\"message.received\",\"id\":"
            + "\"0ccc7b54-4df3-4bca-a65a-3da1ecc777f0\",\"payload\":{\"text\":\"grüß\"},"
            + "\"record_type\":\"event\"},\"meta\":{\"attempt\":1}}";
    WebhookGuard guard = guard("telnyx", publicKey, Map.of(), at.plusSeconds(5));
    WebhookEvent event =
        proceeds(
            guard,
            post(body)
                .header("telnyx-signature-ed25519", signature)
                .header("telnyx-timestamp", "1764151200")
                .build());
    assertThat(event.timestamp()).contains(at);
    assertThat(event.deliveryId()).contains("0ccc7b54-4df3-4bca-a65a-3da1ecc777f0");
    assertThat(event.eventType()).contains("message.received");
    refused(
        guard,
        post(body)
            .header("telnyx-signature-ed25519", signature)
            .header("telnyx-timestamp", "1764151201")
            .build(),
        Reason.SIGNATURE_INVALID);
  }
}

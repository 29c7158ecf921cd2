package io.webhookkit.core.provider;

import static io.webhookkit.core.provider.PresetTests.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.webhookkit.core.Decision;
import io.webhookkit.core.EndpointConfig;
import io.webhookkit.core.Reason;
import io.webhookkit.core.WebhookConfigurationException;
import io.webhookkit.core.WebhookEvent;
import io.webhookkit.core.WebhookGuard;
import io.webhookkit.core.WebhookRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The payment presets that sign fields rather than the body: Adyen (per notification item), Mercado
 * Pago (a manifest of query, header and timestamp) and Braintree (a form field, and its challenge).
 * How vectors are chosen: {@link PresetTests}.
 */
class PaymentFieldPresetsTest {
  private static final String ADYEN_KEY =
      "9064450A8892A093D9E97EFCC9639DE31B74F3A7803135555A3C96F5A57915D6";

  private static String adyenItem(String signature, String success) {
    return "{\"NotificationRequestItem\":{\"additionalData\":{\"hmacSignature\":\""
        + signature
        + "\"},\"amount\":{\"currency\":\"EUR\",\"value\":0},\"eventCode\":\"REPORT_AVAILABLE\","
        + "\"eventDate\":\"2019-09-21T11:45:24+02:00\",\"merchantAccountCode\":\"Magento2Rik\","
        + "\"merchantReference\":\"testMerchantRef1\",\"pspReference\":\"test_REPORT_AVAILABLE\","
        + "\"reason\":\"will contain the url to the report\",\"success\":\""
        + success
        + "\"}}";
  }

  /**
   * Adyen's own vector: adyen-java-api-library {@code HMACValidatorTest} (the hex key, the item's
   * fields giving {@code
   * test_REPORT_AVAILABLE::Magento2Rik:testMerchantRef1:0:EUR:REPORT_AVAILABLE:true}, and its
   * signature {@code NuEkADFmlCC6VgX+wcoPAegIWxVPNBPCuKlM4Hzo5qc=}), in a notification as Adyen
   * posts it; every item of a batch must verify.
   */
  @Test
  void adyenSdkVectorVerifiesPerItem() {
    String good = adyenItem("NuEkADFmlCC6VgX+wcoPAegIWxVPNBPCuKlM4Hzo5qc=", "true");
    WebhookGuard guard = guard("adyen", ADYEN_KEY, Map.of());
    WebhookEvent event =
        proceeds(guard, post("{\"live\":\"false\",\"notificationItems\":[" + good + "]}").build());
    assertThat(event.deliveryId()).hasValueSatisfying(id -> assertThat(id).startsWith("sha256:"));

    // success changed: the signed data changes
    refused(
        guard,
        post("{\"live\":\"false\",\"notificationItems\":["
                + adyenItem("NuEkADFmlCC6VgX+wcoPAegIWxVPNBPCuKlM4Hzo5qc=", "false")
                + "]}")
            .build(),
        Reason.SIGNATURE_INVALID);
    // a batch with one forged item is refused whole
    refused(
        guard,
        post("{\"live\":\"false\",\"notificationItems\":["
                + good
                + ","
                + adyenItem("AAAAADFmlCC6VgX+wcoPAegIWxVPNBPCuKlM4Hzo5qc=", "true")
                + "]}")
            .build(),
        Reason.SIGNATURE_INVALID);
    refused(guard, post("{\"live\":\"false\"}").build(), Reason.SIGNATURE_MISSING);
    assertThatThrownBy(
            () -> EndpointConfig.builder("adyen").provider("adyen").secrets("not-hex").build())
        .isInstanceOf(WebhookConfigurationException.class)
        .hasMessageContaining("hex")
        .hasMessageNotContaining("not-hex");
  }

  /**
   * Mercado Pago: a derived vector (secret {@code mp_secret}, {@code data.id} 123456, request id
   * and ts as below) of its documented manifest, cross-checked with Python's hmac for the research
   * notes; Mercado Pago publishes none.
   */
  @Test
  void mercadoPagoSignsTheManifestOfQueryHeaderAndTimestamp() {
    String ts = "1742505638683";
    String requestId = "bb56a2f1-6aae-46ac-982e-9dcd3581d08e";
    String v1 = "feacb3b594880035653849a0541efc1d33eb558f7405975f9fbff8574c019b48";
    String body =
        "{\"id\":12345,\"action\":\"payment.updated\",\"type\":\"payment\",\"data\":{\"id\":\"123456\"}}";
    WebhookGuard guard =
        guard("mercadopago", "mp_secret", Map.of(), Instant.ofEpochMilli(1742505638683L + 2000));
    WebhookEvent event =
        proceeds(
            guard,
            post(body)
                .query("data.id=123456&type=payment")
                .header("x-signature", "ts=" + ts + ",v1=" + v1)
                .header("x-request-id", requestId)
                .build());
    assertThat(event.deliveryId()).contains("12345");
    assertThat(event.eventType()).contains("payment.updated");
    refused(
        guard,
        post(body)
            .query("data.id=123457")
            .header("x-signature", "ts=" + ts + ",v1=" + v1)
            .header("x-request-id", requestId)
            .build(),
        Reason.SIGNATURE_INVALID);
    refused(
        guard("mercadopago", "mp_secret", Map.of(), Instant.ofEpochMilli(1742505638683L + 600_000)),
        post(body)
            .query("data.id=123456")
            .header("x-signature", "ts=" + ts + ",v1=" + v1)
            .header("x-request-id", requestId)
            .build(),
        Reason.TIMESTAMP_OUT_OF_TOLERANCE);
  }

  /**
   * Braintree: derived vectors (public key {@code pubkey123}, private key {@code privkey456}, the
   * {@code bt_payload} below with its trailing newline, the challenge {@code abc123}) from
   * braintree_java's {@code WebhookNotificationGateway} algorithm (HMAC-SHA1 keyed with SHA-1 of
   * the private key), cross-checked with Python's hmac; Braintree publishes none.
   */
  @Test
  void braintreeVerifiesTheFormsSignatureAndAnswersItsChallenge() {
    String payload = "PG5vdGlmaWNhdGlvbj48a2luZD5jaGVjazwva2luZD48L25vdGlmaWNhdGlvbj4=\n";
    String signature = "pubkey123|f9542f91e4b90f8c663f7721781a3892bdd38c4b";
    WebhookGuard guard = guard("braintree", "pubkey123:privkey456", Map.of());
    proceeds(
        guard, form("otherkey|0000000000000000000000000000000000000000&" + signature, payload));
    refused(guard, form(signature, payload.trim()), Reason.SIGNATURE_INVALID);
    refused(
        guard,
        form("otherkey|f9542f91e4b90f8c663f7721781a3892bdd38c4b", payload),
        Reason.SIGNATURE_INVALID);

    Decision.Respond r = responds(guard, get("bt_challenge=abc123").build());
    assertThat(r.status()).isEqualTo(200);
    assertThat(text(r)).isEqualTo("pubkey123|b992605fe1de5bd3c5cecc79bfa43a9feade8112");
  }

  private static WebhookRequest form(String signature, String payload) {
    String body =
        "bt_signature="
            + URLEncoder.encode(signature, StandardCharsets.UTF_8)
            + "&bt_payload="
            + URLEncoder.encode(payload, StandardCharsets.UTF_8);
    return post(body).header("Content-Type", "application/x-www-form-urlencoded").build();
  }
}

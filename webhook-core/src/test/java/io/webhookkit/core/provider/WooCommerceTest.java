package io.webhookkit.core.provider;

import static org.assertj.core.api.Assertions.assertThat;

import io.webhookkit.core.Decision;
import io.webhookkit.core.EndpointConfig;
import io.webhookkit.core.Outcome;
import io.webhookkit.core.Reason;
import io.webhookkit.core.WebhookEvent;
import io.webhookkit.core.WebhookGuard;
import io.webhookkit.core.WebhookRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * WooCommerce through the whole guard. WooCommerce publishes no test vector: the expected signature
 * is derived here with the JDK's own {@code Mac} from WooCommerce's algorithm ({@code
 * WC_Webhook::generate_signature}: {@code base64_encode(hash_hmac('sha256', $body, $secret, true))}
 * over the JSON body as sent).
 */
class WooCommerceTest {
  private static final String SECRET = "wc-webhook-secret-Ab3";
  private static final String ORDER =
      "{\"id\":727,\"status\":\"processing\",\"line_items\":[{\"name\":\"Caf\u00e9\"}]}";

  private final WebhookGuard guard =
      WebhookGuard.of(
          EndpointConfig.builder("shop").provider("woocommerce").secrets(SECRET).build());

  /** Derived vector: base64 HMAC-SHA256 of the body, computed independently of the kit. */
  private static String signature(String secret, String body) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return Base64.getEncoder().encodeToString(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
  }

  private static WebhookRequest delivery(String body, String signature, String deliveryId) {
    return WebhookRequest.builder()
        .method("POST")
        .path("/hooks/shop")
        .remoteAddress("127.0.0.1")
        .header("Content-Type", "application/json")
        .header("X-WC-Webhook-Source", "https://shop.example/")
        .header("X-WC-Webhook-Topic", "order.created")
        .header("X-WC-Webhook-Resource", "order")
        .header("X-WC-Webhook-Event", "created")
        .header("X-WC-Webhook-ID", "12")
        .header("X-WC-Webhook-Delivery-ID", deliveryId)
        .header("X-WC-Webhook-Signature", signature)
        .body(body.getBytes(StandardCharsets.UTF_8))
        .build();
  }

  @Test
  void aSignedOrderIsVerifiedWithItsTopicAndSource() throws Exception {
    Decision d = guard.inspect(delivery(ORDER, signature(SECRET, ORDER), "a1"));

    assertThat(d).isInstanceOf(Decision.Proceed.class);
    WebhookEvent event = ((Decision.Proceed) d).event();
    assertThat(event.eventType()).contains("order.created");
    assertThat(event.attribute("source")).contains("https://shop.example/");
    assertThat(event.deliveryId()).hasValueSatisfying(id -> assertThat(id).startsWith("sha256:"));
  }

  @Test
  void aForgedOrTamperedOrderIsRefused() throws Exception {
    Decision forged = guard.inspect(delivery(ORDER, signature("guess", ORDER), "a2"));
    Decision tampered =
        guard.inspect(delivery(ORDER.replace("727", "728"), signature(SECRET, ORDER), "a3"));

    assertThat(((Decision.Respond) forged).reason()).isEqualTo(Reason.SIGNATURE_INVALID);
    assertThat(((Decision.Respond) tampered).reason()).isEqualTo(Reason.SIGNATURE_INVALID);
  }

  @Test
  void twoEventsInOneSecondShareADeliveryIdHeaderAndAreBothProcessed() throws Exception {
    // WooCommerce's X-WC-Webhook-Delivery-ID is wp_hash($webhook_id . strtotime('now')).
    String other = ORDER.replace("727", "728");
    Decision first = guard.inspect(delivery(ORDER, signature(SECRET, ORDER), "same-second"));
    ((Decision.Proceed) first).ticket().settle(200);
    Decision second = guard.inspect(delivery(other, signature(SECRET, other), "same-second"));
    Decision replay = guard.inspect(delivery(ORDER, signature(SECRET, ORDER), "same-second"));

    assertThat(second).isInstanceOf(Decision.Proceed.class);
    assertThat(((Decision.Respond) replay).outcome()).isEqualTo(Outcome.DUPLICATE);
  }

  @Test
  void theUnsignedCreationPingIsAnswered200AndNothingElseUnsignedIs() {
    Decision ping = guard.inspect(form("webhook_id=12"));
    Decision notAPing = guard.inspect(form("webhook_id=12&topic=order.created"));

    assertThat(ping).isInstanceOf(Decision.Respond.class);
    assertThat(((Decision.Respond) ping).status()).isEqualTo(200);
    assertThat(((Decision.Respond) ping).outcome()).isEqualTo(Outcome.HANDSHAKE);
    assertThat(((Decision.Respond) ping).body()).isEmpty();
    assertThat(((Decision.Respond) notAPing).reason()).isEqualTo(Reason.SIGNATURE_MISSING);
  }

  private static WebhookRequest form(String body) {
    return WebhookRequest.builder()
        .method("POST")
        .path("/hooks/shop")
        .remoteAddress("127.0.0.1")
        .header("Content-Type", "application/x-www-form-urlencoded")
        .body(body.getBytes(StandardCharsets.UTF_8))
        .build();
  }
}

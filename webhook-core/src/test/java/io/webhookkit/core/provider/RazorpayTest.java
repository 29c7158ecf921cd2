package io.webhookkit.core.provider;

import static io.webhookkit.core.provider.PresetTests.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.webhookkit.core.Reason;
import io.webhookkit.core.WebhookEvent;
import io.webhookkit.core.WebhookGuard;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Razorpay preset through the whole guard; how vectors are chosen: {@link PresetTests}. */
class RazorpayTest {
  /**
   * Razorpay's own SDK test vector: razorpay-java {@code UtilsTest.verifyWebhookSignature} (secret
   * 123456, payload {@code {"a":1,"b":2,"c":{"d":3}}}); the payload has no event id header here, so
   * the verified request is then refused as malformed.
   */
  @Test
  void razorpaySdkVectorVerifies() {
    WebhookGuard guard = guard("razorpay", "123456", Map.of());
    String payload = "{\"a\":1,\"b\":2,\"c\":{\"d\":3}}";
    String signature = "2fe04e22977002e6c7cb553adab8b460cb9e2a4970d5953cb27a8472752e3bbc";
    refused(
        guard,
        post(payload).header("X-Razorpay-Signature", signature).build(),
        Reason.MALFORMED_PAYLOAD);
    WebhookEvent event =
        proceeds(
            guard,
            post(payload)
                .header("X-Razorpay-Signature", signature)
                .header("x-razorpay-event-id", "Hn6RAgrlMLxKZN")
                .build());
    assertThat(event.deliveryId()).contains("Hn6RAgrlMLxKZN");
    refused(
        guard,
        post(payload.replace("3", "4")).header("X-Razorpay-Signature", signature).build(),
        Reason.SIGNATURE_INVALID);
  }
}

package io.webhookkit.core.provider;

import static io.webhookkit.core.provider.PresetTests.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.webhookkit.core.Reason;
import io.webhookkit.core.WebhookEvent;
import io.webhookkit.core.WebhookGuard;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The GoCardless preset through the whole guard; how vectors are chosen: {@link PresetTests}. */
class GoCardlessTest {
  /**
   * GoCardless's own SDK vector: gocardless-pro-java {@code WebhookTest
   * .shouldValidateWebhookWithValidSignature} (secret, body and signature as published).
   */
  @Test
  void goCardlessSdkVectorVerifies() {
    String secret = "ED7D658C-D8EB-4941-948B-3973214F2D49";
    String body =
        "{\"events\":[{\"id\":\"EV00BD05S5VM2T\",\"created_at\":\"2018-07-05T09:13:51.404Z\","
            + "\"resource_type\":\"subscriptions\",\"action\":\"created\",\"links\":"
            + "{\"subscription\":\"SB0003JJQ2MR06\"},\"details\":{\"origin\":\"api\",\"cause\":"
            + "\"subscription_created\",\"description\":\"Subscription created via the API.\"},"
            + "\"metadata\":{}},{\"id\":\"EV00BD05TB8K63\",\"created_at\":"
            + "\"2018-07-05T09:13:56.893Z\",\"resource_type\":\"mandates\",\"action\":\"created\","
            + "\"links\":{\"mandate\":\"MD000AMA19XGEC\"},\"details\":{\"origin\":\"api\","
            + "\"cause\":\"mandate_created\",\"description\":\"Mandate created via the API.\"},"
            + "\"metadata\":{}}]}";
    String signature = "2693754819d3e32d7e8fcb13c729631f316c6de8dc1cf634d6527f1c07276e7e";
    WebhookGuard guard = guard("gocardless", secret, Map.of());

    WebhookEvent event = proceeds(guard, post(body).header("Webhook-Signature", signature).build());
    assertThat(event.deliveryId()).hasValueSatisfying(id -> assertThat(id).startsWith("sha256:"));
    refused(
        guard,
        post(body.replace("EV00BD05TB8K63", "EV00BD05TB8K64"))
            .header("Webhook-Signature", signature)
            .build(),
        Reason.SIGNATURE_INVALID);
    refused(
        guard, post(body).header("Webhook-Signature", "dummy").build(), Reason.SIGNATURE_INVALID);
    refused(guard, post(body).build(), Reason.SIGNATURE_MISSING);
  }
}

package io.webhookkit.core.provider;

import static io.webhookkit.core.provider.PresetTests.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.webhookkit.core.Decision;
import io.webhookkit.core.Outcome;
import io.webhookkit.core.Reason;
import io.webhookkit.core.WebhookGuard;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The AzureEventGrid preset through the whole guard; how vectors are chosen: {@link PresetTests}.
 */
class AzureEventGridTest {
  @Test
  void eventGridValidationIsAnsweredAfterTheSecretVerified() {
    String body =
        "[{\"id\":\"2d1781af-3a4c-4d7c-bd0c-e34b19da4e66\",\"topic\":\"/subscriptions/x\",\"subject\":\"\","
            + "\"data\":{\"validationCode\":\"512d38b6-c7b8-40c8-89fe-f46f9e9622b6\"},"
            + "\"eventType\":\"Microsoft.EventGrid.SubscriptionValidationEvent\",\"eventTime\":\"2018-01-25T22:12:19.4556811Z\","
            + "\"metadataVersion\":\"1\",\"dataVersion\":\"1\"}]";
    WebhookGuard guard = guard("azure-event-grid", SECRET, Map.of());
    Decision.Respond r =
        responds(
            guard,
            post(body)
                .query("code=" + SECRET)
                .header("aeg-event-type", "SubscriptionValidation")
                .build());
    assertThat(r.outcome()).isEqualTo(Outcome.HANDSHAKE);
    assertThat(text(r))
        .isEqualTo("{\"validationResponse\":\"512d38b6-c7b8-40c8-89fe-f46f9e9622b6\"}");
    refused(
        guard,
        post(body).header("aeg-event-type", "SubscriptionValidation").build(),
        Reason.SIGNATURE_MISSING);
  }
}

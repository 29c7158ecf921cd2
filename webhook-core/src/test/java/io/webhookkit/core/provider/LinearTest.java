package io.webhookkit.core.provider;

import static io.webhookkit.core.provider.PresetTests.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.webhookkit.core.Reason;
import io.webhookkit.core.WebhookEvent;
import io.webhookkit.core.WebhookGuard;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Linear preset through the whole guard; how vectors are chosen: {@link PresetTests}. */
class LinearTest {
  @Test
  void linearChecksTheSignedBodyTimestampInMilliseconds() {
    long fresh = NOW.toEpochMilli() - 2_000;
    long stale = NOW.toEpochMilli() - 10 * 60_000;
    WebhookGuard guard = guard("linear", SECRET, Map.of());
    String body = "{\"action\":\"create\",\"type\":\"Issue\",\"webhookTimestamp\":" + fresh + "}";
    WebhookEvent event =
        proceeds(
            guard,
            post(body)
                .header("Linear-Signature", hex256(SECRET, body))
                .header("Linear-Delivery", "lin-1")
                .header("Linear-Event", "Issue")
                .build());
    assertThat(event.deliveryId()).contains("lin-1");
    String old = body.replace(Long.toString(fresh), Long.toString(stale));
    refused(
        guard,
        post(old)
            .header("Linear-Signature", hex256(SECRET, old))
            .header("Linear-Delivery", "lin-2")
            .build(),
        Reason.TIMESTAMP_OUT_OF_TOLERANCE);
  }
}

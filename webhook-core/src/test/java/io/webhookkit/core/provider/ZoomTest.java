package io.webhookkit.core.provider;

import static io.webhookkit.core.provider.PresetTests.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.webhookkit.core.Decision;
import io.webhookkit.core.Outcome;
import io.webhookkit.core.Reason;
import io.webhookkit.core.WebhookGuard;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Zoom preset through the whole guard; how vectors are chosen: {@link PresetTests}. */
class ZoomTest {
  @Test
  void zoomUrlValidationIsAnsweredWithTheVerifyingSecret() {
    long ts = NOW.getEpochSecond();
    String body =
        "{\"payload\":{\"plainToken\":\"qgg8vlvZRS6UYooatFL8Aw\"},\"event_ts\":1654503849680,\"event\":\"endpoint.url_validation\"}";
    WebhookGuard guard = guard("zoom", SECRET, Map.of());
    Decision.Respond r =
        responds(
            guard,
            post(body)
                .header("x-zm-request-timestamp", Long.toString(ts))
                .header("x-zm-signature", "v0=" + hex256(SECRET, "v0:" + ts + ":" + body))
                .build());
    assertThat(r.outcome()).isEqualTo(Outcome.HANDSHAKE);
    assertThat(r.headers()).containsEntry("Content-Type", "application/json");
    assertThat(text(r))
        .isEqualTo(
            "{\"plainToken\":\"qgg8vlvZRS6UYooatFL8Aw\",\"encryptedToken\":\""
                + hex256(SECRET, "qgg8vlvZRS6UYooatFL8Aw")
                + "\"}");
    refused(guard, post(body).build(), Reason.SIGNATURE_MISSING);
  }
}

package io.webhookkit.core.provider;

import static io.webhookkit.core.provider.PresetTests.*;

import io.webhookkit.core.Reason;
import io.webhookkit.core.WebhookGuard;
import io.webhookkit.core.WebhookRequest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The HubSpot preset through the whole guard; how vectors are chosen: {@link PresetTests}. */
class HubSpotTest {
  @Test
  void hubspotV3SignsMethodDecodedUrlBodyAndMillisecondTimestamp() {
    long ms = NOW.toEpochMilli() - 1500;
    String body = "[{\"eventId\":1,\"subscriptionType\":\"contact.creation\"}]";
    String signedUrl = "https://example.com/hubspot?state=a:b";
    WebhookGuard guard =
        guard("hubspot", SECRET, Map.of("public-url", "https://example.com/hubspot"));
    WebhookRequest.Builder request =
        post(body)
            .query("state=a%3Ab")
            .header("X-HubSpot-Request-Timestamp", Long.toString(ms))
            .header("X-HubSpot-Signature-v3", b64256(SECRET, "POST" + signedUrl + body + ms));
    proceeds(guard, request.build());
    long stale = NOW.toEpochMilli() - 6 * 60_000;
    refused(
        guard,
        post(body)
            .query("state=a%3Ab")
            .header("X-HubSpot-Request-Timestamp", Long.toString(stale))
            .header("X-HubSpot-Signature-v3", b64256(SECRET, "POST" + signedUrl + body + stale))
            .build(),
        Reason.TIMESTAMP_OUT_OF_TOLERANCE);
  }
}

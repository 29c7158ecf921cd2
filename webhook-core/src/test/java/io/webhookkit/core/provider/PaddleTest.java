package io.webhookkit.core.provider;

import static io.webhookkit.core.provider.PresetTests.*;

import io.webhookkit.core.Reason;
import io.webhookkit.core.WebhookGuard;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Paddle preset through the whole guard; how vectors are chosen: {@link PresetTests}. */
class PaddleTest {
  /**
   * Paddle's own SDK test vectors: paddle-node-sdk {@code webhooks-validator.test.ts} (secret
   * VALID_SECRET, ts 1698796800; the second header carries two h1 and an unknown h2). Those bodies
   * have no notification_id: a verified one is then refused as malformed, which proves the
   * signature passed.
   */
  @Test
  void paddleSdkVectorsVerify() {
    Instant at = Instant.ofEpochSecond(1698796800L + 1);
    WebhookGuard guard = guard("paddle", "VALID_SECRET", Map.of(), at);
    refused(
        guard,
        post("{\"data\": [\"1\", \"2\"]}")
            .header(
                "Paddle-Signature",
                "ts=1698796800;h1=a300428748dce5c70e4da19bffd60769591ea969c99dea3105d0ec9612cf43f9")
            .build(),
        Reason.MALFORMED_PAYLOAD);
    refused(
        guard,
        post("{\"data\": \"value\"}")
            .header(
                "Paddle-Signature",
                "ts=1698796800;h1=28981e941fae76e53db32f3d2a83cb69db41476595e84e1970a1b5d98f62b261;"
                    + "h1=28981e941fae76e53db32f3d2a83cb69db41476595e84e1970a1b5d98f62b261;h2=RANDOM_HASH")
            .build(),
        Reason.MALFORMED_PAYLOAD);
    // "Invalid data - has more space", "Invalid secret", "InValid timestamp".
    refused(
        guard,
        post("{ \"data\": [ \"1\", \"2\" ]}")
            .header(
                "Paddle-Signature",
                "ts=1698796800;h1=a300428748dce5c70e4da19bffd60769591ea969c99dea3105d0ec9612cf43f9")
            .build(),
        Reason.SIGNATURE_INVALID);
    refused(
        guard("paddle", "INVALID_VALID_SECRET", Map.of(), at),
        post("{\"data\": [\"1\", \"2\"]}")
            .header(
                "Paddle-Signature",
                "ts=1698796800;h1=a300428748dce5c70e4da19bffd60769591ea969c99dea3105d0ec9612cf43f9")
            .build(),
        Reason.SIGNATURE_INVALID);
    refused(
        guard,
        post("{\"data\": [\"1\", \"2\"]}")
            .header(
                "Paddle-Signature",
                "ts=9876;h1=a300428748dce5c70e4da19bffd60769591ea969c99dea3105d0ec9612cf43f9")
            .build(),
        Reason.SIGNATURE_INVALID);
  }
}

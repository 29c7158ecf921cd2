package io.webhookkit.core.provider;

import static io.webhookkit.core.provider.PresetTests.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.webhookkit.core.Reason;
import io.webhookkit.core.WebhookGuard;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Mux preset through the whole guard; how vectors are chosen: {@link PresetTests}. */
class MuxTest {
  /**
   * Mux's own SDK test vectors: mux-node-sdk {@code tests/api-resources/webhooks.test.ts} (secret
   * SuperSecret123, t=1565125718): the signature verifies (the body carries no id, so the guard
   * then refuses it as malformed), one of several {@code v1} entries suffices, a {@code v2} alone
   * does not, and six minutes later it is too old.
   */
  @Test
  void muxSdkVectorsVerify() {
    Instant at = Instant.ofEpochSecond(1565125718L);
    WebhookGuard guard = guard("mux", "SuperSecret123", Map.of(), at);
    String hash = "854ece4c22acef7c66b57d4e504153bc512595e8e9c772ece2a68150548c19a7";
    String payload = "{\"test\":\"body\"}";
    refused(
        guard,
        post(payload).header("Mux-Signature", "t=1565125718,v1=" + hash).build(),
        Reason.MALFORMED_PAYLOAD);
    refused(
        guard,
        post(payload).header("Mux-Signature", "t=1565125718,v1=invalid-sig,v1=" + hash).build(),
        Reason.MALFORMED_PAYLOAD);
    refused(
        guard,
        post(payload).header("Mux-Signature", "t=1565125718,v2=" + hash + ",v1=" + hash).build(),
        Reason.MALFORMED_PAYLOAD);
    refused(
        guard,
        post("{\"test\":{\"nested\":{\"nanos\":718234, \"seconds\":1691711005}}}")
            .header(
                "Mux-Signature",
                "t=1565125718,v1=bd315c24bce1c2b8ad325696f26530c8ef7d7d830afb7c1381903705d04607be")
            .build(),
        Reason.MALFORMED_PAYLOAD);
    assertThat(
            responds(
                    guard, post(payload).header("Mux-Signature", "t=1565125718,v2=" + hash).build())
                .reason())
        .isIn(Reason.SIGNATURE_INVALID, Reason.SIGNATURE_MISSING);
    refused(
        guard,
        post("{\"test\":\"bodY\"}").header("Mux-Signature", "t=1565125718,v1=" + hash).build(),
        Reason.SIGNATURE_INVALID);
    refused(
        guard("mux", "SuperSecret123", Map.of(), at.plusSeconds(360)),
        post(payload).header("Mux-Signature", "t=1565125718,v1=" + hash).build(),
        Reason.TIMESTAMP_OUT_OF_TOLERANCE);
  }
}

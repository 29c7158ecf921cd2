package io.webhookkit.core.provider;

import static io.webhookkit.core.provider.PresetTests.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.webhookkit.core.Reason;
import io.webhookkit.core.WebhookEvent;
import io.webhookkit.core.WebhookGuard;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The presets whose header is Stripe-shaped ({@code t=…,v1=…}) with other units or encodings:
 * Sanity, WorkOS, Persona. How vectors are chosen: {@link PresetTests}.
 */
class KeyValuePresetsTest {
  /** Derived vectors (no provider publishes one) share this body: UTF-8 with a non-ASCII byte. */
  private static final String BODY =
      "{\"id\":\"evt_1\",\"type\":\"test.event\",\"data\":{\"a\":\"ä\"}}";

  /**
   * Sanity's own vectors: sanity-io/webhook-toolkit {@code test/signature.test.ts} (secret,
   * payload, header as published, and its four negatives: the timestamp minus one, the last
   * character of the base64url MAC changed, another payload, another key than {@code v1}).
   */
  @Test
  void sanityToolkitVectorsVerifyAndItsNegativesFail() {
    String body = "{\"_id\":\"resume\"}";
    String header = "t=1633519811129,v1=tLa470fx7qkLLEcMOcEUFuBbRSkGujyskxrNXcoh0N0";
    Instant signedAt = Instant.ofEpochMilli(1633519811129L);
    WebhookGuard guard = guard("sanity", "test", Map.of(), signedAt.plusSeconds(30));

    WebhookEvent event =
        proceeds(guard, post(body).header("sanity-webhook-signature", header).build());
    assertThat(event.timestamp()).contains(signedAt);
    assertThat(event.deliveryId()).hasValueSatisfying(id -> assertThat(id).startsWith("sha256:"));

    for (String bad :
        new String[] {
          "t=1633519811128,v1=tLa470fx7qkLLEcMOcEUFuBbRSkGujyskxrNXcoh0N0",
          "t=1633519811129,v1=tLa470fx7qkLLEcMOcEUFuBbRSkGujyskxrNXcoh0N1",
          "t=1633519811129,v5=tLa470fx7qkLLEcMOcEUFuBbRSkGujyskxrNXcoh0N0"
        }) {
      refused(
          guard,
          post(body).header("sanity-webhook-signature", bad).build(),
          Reason.SIGNATURE_INVALID);
    }
    refused(
        guard,
        post("{\"_id\":\"structure\"}").header("sanity-webhook-signature", header).build(),
        Reason.SIGNATURE_INVALID);
    refused(
        guard("sanity", "test", Map.of(), signedAt.plusSeconds(600)),
        post(body).header("sanity-webhook-signature", header).build(),
        Reason.TIMESTAMP_OUT_OF_TOLERANCE);
    refused(guard, post(body).build(), Reason.SIGNATURE_MISSING);
  }

  /**
   * WorkOS: a derived vector (secret {@code wos_secret}, t = 1764151200000 ms, {@link #BODY}),
   * computed from workos-node's {@code computeSignature} ({@code HMAC-SHA256(t + "." + body)}, hex)
   * and cross-checked with Python's hmac; WorkOS publishes none.
   */
  @Test
  void workosDerivedVectorVerifiesInMilliseconds() {
    Instant signedAt = Instant.ofEpochMilli(1764151200000L);
    String header =
        "t=1764151200000, v1=0057f9a6b59e5190873cd142bba9324b4f3f06a023edb645acbd506903651df8";
    WebhookGuard guard = guard("workos", "wos_secret", Map.of(), signedAt.plusSeconds(10));

    WebhookEvent event = proceeds(guard, post(BODY).header("WorkOS-Signature", header).build());
    assertThat(event.deliveryId()).contains("evt_1");
    assertThat(event.timestamp()).contains(signedAt);
    refused(
        guard,
        post(BODY.replace("ä", "a")).header("WorkOS-Signature", header).build(),
        Reason.SIGNATURE_INVALID);
    // a timestamp read as seconds would be far in the future; read as ms it is 10 s old
    refused(
        guard("workos", "wos_secret", Map.of(), signedAt.plusSeconds(3600)),
        post(BODY).header("WorkOS-Signature", header).build(),
        Reason.TIMESTAMP_OUT_OF_TOLERANCE);
  }

  /**
   * Persona: a computed vector — Persona's documented recipe ({@code HMAC-SHA256(t + "." + body)},
   * hex, in {@code Persona-Signature: t=…,v1=…}) over a JSON:API event.
   */
  @Test
  void personaComputedVectorVerifiesAndReadsTheJsonApiEvent() {
    long t = NOW.getEpochSecond() - 5;
    String body =
        "{\"data\":{\"type\":\"event\",\"id\":\"evt_ZZuP6nNoQxNUatgeDhkVvTm7\",\"attributes\":"
            + "{\"name\":\"inquiry.completed\",\"payload\":{\"data\":{\"type\":\"inquiry\"}}}}}";
    String header = "t=" + t + ",v1=" + hex256("wbhsec_persona", t + "." + body);
    WebhookGuard guard = guard("persona", "wbhsec_persona", Map.of());

    WebhookEvent event = proceeds(guard, post(body).header("Persona-Signature", header).build());
    assertThat(event.deliveryId()).contains("evt_ZZuP6nNoQxNUatgeDhkVvTm7");
    assertThat(event.eventType()).contains("inquiry.completed");
    refused(
        guard,
        post(body).header("Persona-Signature", header.replace("t=" + t, "t=" + (t - 1))).build(),
        Reason.SIGNATURE_INVALID);
  }
}

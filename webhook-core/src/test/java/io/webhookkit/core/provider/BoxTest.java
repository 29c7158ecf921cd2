package io.webhookkit.core.provider;

import static io.webhookkit.core.provider.PresetTests.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.webhookkit.core.EndpointConfig;
import io.webhookkit.core.Reason;
import io.webhookkit.core.WebhookEvent;
import io.webhookkit.core.WebhookGuard;
import io.webhookkit.core.WebhookRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The Box preset through the whole guard; how vectors are chosen: {@link PresetTests}. */
class BoxTest {
  /**
   * Box's own SDK test vectors: box-java-sdk {@code BoxWebHookSignatureVerifierTest} (primary key
   * faqZQd…, secondary key 4SidLL…, delivery timestamp 2016-07-08T01:20:32-07:00, payload {@code {
   * "payload" : "test" }}): the primary or the secondary signature verifies alone (the payload has
   * no {@code box-delivery-id} here, so the guard then refuses it as malformed), an empty one does
   * not, nor a tampered payload, nor the same delivery eleven minutes later.
   */
  @Test
  void boxSdkVectorsVerify() {
    Instant at = OffsetDateTime.parse("2016-07-08T01:20:32-07:00").toInstant();
    EndpointConfig config =
        EndpointConfig.builder("box")
            .provider("box")
            .secrets("faqZQdZ2dbNVaFdPWRsVMjZOC4nVwgp0", "4SidLLVJLIx3L3RAvMhybvvpmJHUd4iD")
            .build();
    WebhookGuard guard =
        WebhookGuard.builder(config).clock(Clock.fixed(at.plusSeconds(30), ZoneOffset.UTC)).build();
    String payload = "{ \"payload\" : \"test\" }";
    String primary = "R54s9jpedqP/Og92+77Ip8hVtfWjR4pnaJXcvRGafCQ=";
    String secondary = "V4b6jfPoCaTpcPvUDaaYLfVC4+DUZ3/B6F0pz44shEE=";
    java.util.function.Function<String, WebhookRequest.Builder> delivery =
        body ->
            post(body)
                .header("box-delivery-timestamp", "2016-07-08T01:20:32-07:00")
                .header("box-signature-version", "1")
                .header("box-signature-algorithm", "HmacSHA256");
    refused(
        guard,
        delivery.apply(payload).header("box-signature-primary", primary).build(),
        Reason.MALFORMED_PAYLOAD);
    refused(
        guard,
        delivery.apply(payload).header("box-signature-secondary", secondary).build(),
        Reason.MALFORMED_PAYLOAD);
    refused(
        guard,
        delivery
            .apply(payload)
            .header("box-signature-primary", "")
            .header("box-signature-secondary", secondary)
            .build(),
        Reason.MALFORMED_PAYLOAD);
    WebhookEvent event =
        proceeds(
            guard,
            delivery
                .apply(payload)
                .header("box-signature-primary", primary)
                .header("box-delivery-id", "d-1")
                .build());
    assertThat(event.deliveryId()).contains("d-1");
    refused(
        guard,
        delivery.apply(payload).header("box-signature-primary", "").build(),
        Reason.SIGNATURE_INVALID);
    refused(
        guard,
        delivery
            .apply("{ \"payload\" : \"tESt\" }")
            .header("box-signature-primary", primary)
            .build(),
        Reason.SIGNATURE_INVALID);
    refused(
        WebhookGuard.builder(config)
            .clock(Clock.fixed(at.plusSeconds(11 * 60), ZoneOffset.UTC))
            .build(),
        delivery.apply(payload).header("box-signature-primary", primary).build(),
        Reason.TIMESTAMP_OUT_OF_TOLERANCE);
  }
}

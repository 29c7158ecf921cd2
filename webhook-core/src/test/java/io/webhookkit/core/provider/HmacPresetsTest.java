package io.webhookkit.core.provider;

import static io.webhookkit.core.provider.PresetTests.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.webhookkit.core.Reason;
import io.webhookkit.core.WebhookEvent;
import io.webhookkit.core.WebhookGuard;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Presets whose providers publish the algorithm but no vector (Checkout.com, CircleCI, Buildkite,
 * Customer.io, Frame.io, Alchemy, Heroku, Segment, DocuSign, ClickUp, Netlify): each expected
 * signature is computed here with the JDK from the provider's documented recipe ("computed vector",
 * see {@link PresetTests}), and each test changes one thing to see it refused.
 */
class HmacPresetsTest {
  private static final String KEY = "whk-Secret_42";

  @Test
  void checkoutSignsTheBodyInCkoSignature() {
    String body =
        "{\"id\":\"evt_az5sblvku4ge3dwpztvyizgcau\",\"type\":\"payment_approved\",\"data\":{\"amount\":6540}}";
    WebhookGuard guard = guard("checkout", KEY, Map.of());
    WebhookEvent event =
        proceeds(guard, post(body).header("Cko-Signature", hex256(KEY, body)).build());
    assertThat(event.deliveryId()).contains("evt_az5sblvku4ge3dwpztvyizgcau");
    assertThat(event.eventType()).contains("payment_approved");
    refused(
        guard,
        post(body.replace("6540", "6541")).header("Cko-Signature", hex256(KEY, body)).build(),
        Reason.SIGNATURE_INVALID);
  }

  @Test
  void circleciSignsV1AndNamesTheEventInAHeader() {
    String body =
        "{\"id\":\"3888f21b-eaa7-38e3-8f3d-75a63bba8895\",\"type\":\"workflow-completed\",\"happened_at\":\"2026-12-07T12:00:00Z\"}";
    WebhookGuard guard = guard("circleci", KEY, Map.of());
    WebhookEvent event =
        proceeds(
            guard,
            post(body)
                .header("circleci-signature", "v1=" + hex256(KEY, body))
                .header("circleci-event-type", "workflow-completed")
                .build());
    assertThat(event.deliveryId()).contains("3888f21b-eaa7-38e3-8f3d-75a63bba8895");
    assertThat(event.eventType()).contains("workflow-completed");
    refused(
        guard,
        post(body).header("circleci-signature", hex256(KEY, body)).build(),
        Reason.SIGNATURE_INVALID);
  }

  @Test
  void buildkiteSignsTimestampAndBody() {
    long t = NOW.getEpochSecond() - 3;
    String body =
        "{\"event\":\"build.finished\",\"build\":{\"id\":\"f62a1b4d\",\"state\":\"passed\"}}";
    String header = "timestamp=" + t + ",signature=" + hex256(KEY, t + "." + body);
    WebhookGuard guard = guard("buildkite", KEY, Map.of());
    WebhookEvent event =
        proceeds(
            guard,
            post(body)
                .header("X-Buildkite-Signature", header)
                .header("X-Buildkite-Event", "build.finished")
                .build());
    assertThat(event.eventType()).contains("build.finished");
    long old = t - 600;
    refused(
        guard,
        post(body)
            .header(
                "X-Buildkite-Signature",
                "timestamp=" + old + ",signature=" + hex256(KEY, old + "." + body))
            .build(),
        Reason.TIMESTAMP_OUT_OF_TOLERANCE);
  }

  @Test
  void customerIoSignsV0TimestampAndBody() {
    String t = Long.toString(NOW.getEpochSecond());
    String body =
        "{\"event_id\":\"01E4C4CT6YDC7Y5M7FE1GWWPQJ\",\"object_type\":\"email\",\"metric\":\"opened\",\"timestamp\":1613063089}";
    WebhookGuard guard = guard("customerio", KEY, Map.of());
    WebhookEvent event =
        proceeds(
            guard,
            post(body)
                .header("X-CIO-Signature", hex256(KEY, "v0:" + t + ":" + body))
                .header("X-CIO-Timestamp", t)
                .build());
    assertThat(event.deliveryId()).contains("01E4C4CT6YDC7Y5M7FE1GWWPQJ");
    assertThat(event.eventType()).contains("opened");
    refused(
        guard,
        post(body)
            .header("X-CIO-Signature", hex256(KEY, t + ":" + body))
            .header("X-CIO-Timestamp", t)
            .build(),
        Reason.SIGNATURE_INVALID);
  }

  @Test
  void frameIoSignsV0TimestampAndBody() {
    String t = Long.toString(NOW.getEpochSecond());
    String body =
        "{\"type\":\"asset.created\",\"resource\":{\"type\":\"asset\",\"id\":\"9f6a1b\"}}";
    WebhookGuard guard = guard("frameio", KEY, Map.of());
    WebhookEvent event =
        proceeds(
            guard,
            post(body)
                .header("X-Frameio-Signature", "v0=" + hex256(KEY, "v0:" + t + ":" + body))
                .header("X-Frameio-Request-Timestamp", t)
                .build());
    assertThat(event.eventType()).contains("asset.created");
    refused(
        guard,
        post(body).header("X-Frameio-Signature", "v0=" + hex256(KEY, body)).build(),
        Reason.SIGNATURE_MISSING);
  }

  @Test
  void alchemySignsTheBody() {
    String body =
        "{\"webhookId\":\"wh_octjglnywaupz6th\",\"id\":\"whevt_ogrc5v64myey69ux\",\"type\":\"ADDRESS_ACTIVITY\",\"event\":{}}";
    WebhookGuard guard = guard("alchemy", KEY, Map.of());
    WebhookEvent event =
        proceeds(guard, post(body).header("X-Alchemy-Signature", hex256(KEY, body)).build());
    assertThat(event.deliveryId()).contains("whevt_ogrc5v64myey69ux");
    assertThat(event.eventType()).contains("ADDRESS_ACTIVITY");
  }

  @Test
  void herokuSignsInBase64AndNamesTheDeliveryInAHeader() {
    String body = "{\"action\":\"update\",\"resource\":\"release\",\"data\":{\"version\":42}}";
    WebhookGuard guard = guard("heroku", KEY, Map.of());
    WebhookEvent event =
        proceeds(
            guard,
            post(body)
                .header("Heroku-Webhook-Hmac-SHA256", b64256(KEY, body))
                .header("Heroku-Webhook-Id", "0fd0e4b6-5b2d-4a3e-9f4b-2f3c5e6d7a8b")
                .build());
    assertThat(event.deliveryId()).contains("0fd0e4b6-5b2d-4a3e-9f4b-2f3c5e6d7a8b");
    assertThat(event.eventType()).contains("release");
    assertThat(event.attribute("action")).contains("update");
    refused(
        guard,
        post(body)
            .header("Heroku-Webhook-Hmac-SHA256", hex256(KEY, body))
            .header("Heroku-Webhook-Id", "x")
            .build(),
        Reason.SIGNATURE_INVALID);
  }

  @Test
  void segmentSignsWithHmacSha1() {
    String body = "{\"messageId\":\"api-1a2b\",\"type\":\"track\",\"event\":\"Order Completed\"}";
    String sha1 =
        HexFormat.of().formatHex(mac("HmacSHA1", KEY.getBytes(StandardCharsets.UTF_8), body));
    WebhookGuard guard = guard("segment", KEY, Map.of());
    WebhookEvent event = proceeds(guard, post(body).header("X-Signature", sha1).build());
    assertThat(event.deliveryId()).contains("api-1a2b");
    assertThat(event.eventType()).contains("track");
    refused(
        guard,
        post(body).header("X-Signature", hex256(KEY, body)).build(),
        Reason.SIGNATURE_INVALID);
  }

  @Test
  void docusignAcceptsAnyOfItsNumberedSignatures() {
    String key = "c2Vjb25kLWtleS1pcy1iYXNlNjQtYnV0LXVzZWQtYXMtdGV4dA==";
    String body =
        "{\"event\":\"envelope-completed\",\"apiVersion\":\"v2.1\",\"data\":{\"envelopeId\":\"93be49ab\"}}";
    WebhookGuard guard = guard("docusign", key, Map.of());
    WebhookEvent event =
        proceeds(
            guard,
            post(body)
                .header("X-DocuSign-Signature-1", b64256("an-old-key", body))
                .header("X-DocuSign-Signature-2", b64256(key, body))
                .build());
    assertThat(event.eventType()).contains("envelope-completed");
    // the key is used as shown, not base64-decoded
    String decodedKeyMac =
        Base64.getEncoder()
            .encodeToString(mac("HmacSHA256", Base64.getDecoder().decode(key), body));
    refused(
        guard,
        post(body).header("X-DocuSign-Signature-1", decodedKeyMac).build(),
        Reason.SIGNATURE_INVALID);
  }

  @Test
  void clickupSignsTheBody() {
    String body =
        "{\"webhook_id\":\"7689a169-a000-4985-8676-6902b96d6627\",\"event\":\"taskCreated\",\"task_id\":\"c0j\"}";
    WebhookEvent event =
        proceeds(
            guard("clickup", KEY, Map.of()),
            post(body).header("X-Signature", hex256(KEY, body)).build());
    assertThat(event.eventType()).contains("taskCreated");
  }

  @Test
  void netlifySignsAJwsOverTheBodysDigest() {
    String body = "{\"id\":\"5e8c1b\",\"state\":\"ready\",\"name\":\"grüße-site\"}";
    String digest = HexFormat.of().formatHex(sha256(body.getBytes(StandardCharsets.UTF_8)));
    String jws =
        hs256(
            "{\"alg\":\"HS256\",\"typ\":\"JWT\"}",
            "{\"iss\":\"netlify\",\"sha256\":\"" + digest + "\"}",
            "short");
    WebhookGuard guard = guard("netlify", "short", Map.of());
    WebhookEvent event =
        proceeds(
            guard,
            post(body)
                .header("X-Webhook-Signature", jws)
                .header("X-Netlify-Event", "deploy_created")
                .build());
    assertThat(event.eventType()).contains("deploy_created");

    refused(
        guard,
        post(body.replace("ready", "error")).header("X-Webhook-Signature", jws).build(),
        Reason.SIGNATURE_INVALID);
    String otherIssuer =
        hs256("{\"alg\":\"HS256\"}", "{\"iss\":\"evil\",\"sha256\":\"" + digest + "\"}", "short");
    refused(
        guard,
        post(body).header("X-Webhook-Signature", otherIssuer).build(),
        Reason.SIGNATURE_INVALID);
    String unsigned =
        b64url("{\"alg\":\"none\"}")
            + "."
            + b64url("{\"iss\":\"netlify\",\"sha256\":\"" + digest + "\"}")
            + ".";
    refused(
        guard,
        post(body).header("X-Webhook-Signature", unsigned).build(),
        Reason.SIGNATURE_INVALID);
  }

  private static String hs256(String header, String claims, String key) {
    String input = b64url(header) + "." + b64url(claims);
    return input
        + "."
        + Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(mac("HmacSHA256", key.getBytes(StandardCharsets.UTF_8), input));
  }

  private static String b64url(String text) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }
}

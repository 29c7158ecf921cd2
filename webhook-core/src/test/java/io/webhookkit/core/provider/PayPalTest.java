package io.webhookkit.core.provider;

import static io.webhookkit.core.provider.PresetTests.post;
import static io.webhookkit.core.provider.PresetTests.proceeds;
import static io.webhookkit.core.provider.PresetTests.refused;
import static io.webhookkit.core.provider.PresetTests.responds;
import static io.webhookkit.core.provider.PresetTests.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.webhookkit.core.Decision;
import io.webhookkit.core.EndpointConfig;
import io.webhookkit.core.Reason;
import io.webhookkit.core.WebhookConfigurationException;
import io.webhookkit.core.WebhookEvent;
import io.webhookkit.core.WebhookGuard;
import io.webhookkit.core.WebhookRequest;
import io.webhookkit.core.internal.keys.LocalHttpsServer;
import io.webhookkit.core.internal.keys.PayPalScheme;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.zip.CRC32;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code paypal} preset through the whole guard, PayPal's certificates served by a real local
 * HTTPS server (certificate made for the run) through the programmatic {@link RemoteKeys} only:
 * PayPal's published transmission (PayPal-Java-SDK {@code ValidateCertTest}: headers, webhook id,
 * body and the sandbox certificate {@code testClientCert.crt} its test stubs the download with, on
 * a clock inside that certificate's validity), then fresh transmissions signed by a test key whose
 * certificate is named as PayPal's, and every way a transmission can point the kit elsewhere.
 */
class PayPalTest {
  private static final String SDK_WEBHOOK_ID = "96605875FF6516633";
  private static final String SDK_SIGNATURE =
      "aBjgm5/xljRYu3G64Q0axISrP2xcy7WbW1u4UTCKnQvyprOZ1a1BBmqn2Jdr6ce8E76I3Ti/AL9y4VYSHyGSEaoE6dVQcCDebLbOXLH0fjTAbTc1/rmfdWmsk0DPltW84Y8W8jOHe3CLWDOwg5zmozyt+AceG2x5eOiw7mLSycaEoj/5RG+dOIWXnmWcLEArbG3VFshy0wuhZrKuGa9C/bD4Ku+Y9gK7Bv5I5IuGRVnTGpcFnVG0KxOyJxccLGyBVCIUMY5IZS7LkmJszQ3HZZFDTNihvgJHECSLwLhzUaysIye5G6CbbLdtAmeeb6wiDciEAvr2dFf+SplOR4Lrng==";
  private static final String SDK_TRANSMISSION_ID = "071f7d20-1584-11e7-abf0-6b62a8a99ac4";
  private static final String SDK_TIME = "2017-03-30T20:04:05Z";
  private static final Instant SDK_NOW = Instant.parse("2017-03-30T20:05:00Z");

  private static final String SANDBOX_CERT = "/v1/notifications/certs/CERT-360caa42-fca2a594-sdk";
  private static final String TEST_CERT = "/v1/notifications/certs/CERT-0123456789-test";
  private static final String SELF_SIGNED_CERT = "/v1/notifications/certs/CERT-5e1f5e1f-self";
  private static final String WRONG_NAME_CERT = "/v1/notifications/certs/CERT-9876543210-other";
  private static final String WEBHOOK_ID = "8PT597110X687430LKGECATA";
  private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");

  @TempDir static Path dir;
  private static PrivateKey testKey;
  private static byte[] testCertPem;
  private static byte[] wrongNameCertPem;
  private static LocalHttpsServer.Signer selfSigned;

  private LocalHttpsServer server;

  @BeforeAll
  static void signers() throws Exception {
    LocalHttpsServer.Signer paypal =
        LocalHttpsServer.signer(dir, "paypal", "CN=messageverificationcerts.paypal.com");
    testKey = paypal.key();
    testCertPem = paypal.certificatePem();
    wrongNameCertPem =
        LocalHttpsServer.signer(dir, "other", "CN=messages.paypal.example").certificatePem();
    selfSigned = LocalHttpsServer.selfSigned(dir, "self", "CN=messageverificationcerts.paypal.com");
  }

  private static byte[] resource(String name) throws IOException {
    try (InputStream in =
        PayPalTest.class.getResourceAsStream("/io/webhookkit/core/internal/keys/paypal/" + name)) {
      return Objects.requireNonNull(in, name).readAllBytes();
    }
  }

  @BeforeEach
  void start() throws Exception {
    byte[] sandbox = resource("testClientCert.crt");
    server =
        new LocalHttpsServer(
            dir,
            path ->
                switch (path) {
                  case SANDBOX_CERT -> new LocalHttpsServer.Answer(200, List.of(), sandbox);
                  case TEST_CERT -> new LocalHttpsServer.Answer(200, List.of(), testCertPem);
                  case WRONG_NAME_CERT ->
                      new LocalHttpsServer.Answer(200, List.of(), wrongNameCertPem);
                  case SELF_SIGNED_CERT ->
                      new LocalHttpsServer.Answer(200, List.of(), selfSigned.certificatePem());
                  default -> new LocalHttpsServer.Answer(404, List.of(), new byte[0]);
                });
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  private WebhookGuard guard(Instant now, String webhookId) {
    RemoteKeys remoteKeys = server.remoteKeys(Clock.fixed(now, ZoneOffset.UTC));
    EndpointConfig config =
        EndpointConfig.builder("paypal")
            .provider("paypal")
            .providerKey("webhook-id", webhookId)
            .remoteKeys(remoteKeys)
            .build();
    return WebhookGuard.builder(config).clock(Clock.fixed(now, ZoneOffset.UTC)).build();
  }

  private static WebhookRequest transmission(
      String body, String id, String time, String certUrl, String signature) {
    return post(body)
        .header("PAYPAL-TRANSMISSION-ID", id)
        .header("PAYPAL-TRANSMISSION-TIME", time)
        .header("PAYPAL-CERT-URL", certUrl)
        .header("PAYPAL-AUTH-ALGO", "SHA256withRSA")
        .header("PAYPAL-TRANSMISSION-SIG", signature)
        .build();
  }

  private static String sdkBody() throws IOException {
    return new String(resource("validate-cert-test-body.json"), StandardCharsets.UTF_8);
  }

  /** A transmission as PayPal signs it, with the test key. */
  private static WebhookRequest signed(String eventId, Instant at, String certPath)
      throws Exception {
    return signed(eventId, at, certPath, testKey);
  }

  private static WebhookRequest signed(String eventId, Instant at, String certPath, PrivateKey key)
      throws Exception {
    String body =
        "{\"id\":\""
            + eventId
            + "\",\"event_version\":\"1.0\",\"create_time\":\"2026-12-07T11:59:58Z\","
            + "\"resource_type\":\"capture\",\"event_type\":\"PAYMENT.CAPTURE.COMPLETED\","
            + "\"summary\":\"Payment completed for € 7.50\",\"resource\":{\"id\":\"42311647XV020574X\"}}";
    String id = "tx-" + eventId;
    String time = at.toString();
    CRC32 crc = new CRC32();
    crc.update(body.getBytes(StandardCharsets.UTF_8));
    Signature rsa = Signature.getInstance("SHA256withRSA");
    rsa.initSign(key);
    rsa.update(
        (id + "|" + time + "|" + WEBHOOK_ID + "|" + crc.getValue())
            .getBytes(StandardCharsets.UTF_8));
    return transmission(
        body,
        id,
        time,
        "https://api-m.paypal.com" + certPath,
        Base64.getEncoder().encodeToString(rsa.sign()));
  }

  @Test
  void paypalsPublishedTransmissionVerifies() throws Exception {
    WebhookGuard guard = guard(SDK_NOW, SDK_WEBHOOK_ID);
    WebhookRequest sdk =
        transmission(
            sdkBody(),
            SDK_TRANSMISSION_ID,
            SDK_TIME,
            "https://api.sandbox.paypal.com" + SANDBOX_CERT,
            SDK_SIGNATURE);

    WebhookEvent event = proceeds(guard, sdk);

    assertThat(event.deliveryId()).contains("WH-2MW4820926242972J-6SG447389E205703U");
    assertThat(event.eventType()).contains("BILLING.PLAN.CREATED");
    assertThat(event.secretLabel()).isEqualTo(PayPalScheme.LABEL);
    assertThat(event.attribute("transmission-id")).contains(SDK_TRANSMISSION_ID);
    assertThat(event.timestamp()).contains(Instant.parse(SDK_TIME));
    assertThat(server.log()).containsExactly(SANDBOX_CERT);
  }

  @Test
  void thePublishedTransmissionFailsForAnotherWebhookIdOrBody() throws Exception {
    // ValidateCertTest.testInvalidWebhookId: "NotToBeFound" → false
    refused(
        guard(SDK_NOW, "NotToBeFound"),
        transmission(
            sdkBody(),
            SDK_TRANSMISSION_ID,
            SDK_TIME,
            "https://api.sandbox.paypal.com" + SANDBOX_CERT,
            SDK_SIGNATURE),
        Reason.SIGNATURE_INVALID);
    refused(
        guard(SDK_NOW, SDK_WEBHOOK_ID),
        transmission(
            sdkBody().replace("T-Shirt", "U-Shirt"),
            SDK_TRANSMISSION_ID,
            SDK_TIME,
            "https://api.sandbox.paypal.com" + SANDBOX_CERT,
            SDK_SIGNATURE),
        Reason.SIGNATURE_INVALID);
    // the certificate expired in 2019
    refused(
        guard(NOW, SDK_WEBHOOK_ID),
        transmission(
            sdkBody(),
            SDK_TRANSMISSION_ID,
            NOW.toString(),
            "https://api.sandbox.paypal.com" + SANDBOX_CERT,
            SDK_SIGNATURE),
        Reason.SIGNATURE_INVALID);
  }

  @Test
  void freshTransmissionsVerifyAndTheCertificateIsFetchedOnce() throws Exception {
    WebhookGuard guard = guard(NOW, WEBHOOK_ID);
    for (int i = 0; i < 4; i++) {
      WebhookEvent event = proceeds(guard, signed("WH-" + i, NOW.minusSeconds(i), TEST_CERT));
      assertThat(event.deliveryId()).contains("WH-" + i);
      assertThat(event.eventType()).contains("PAYMENT.CAPTURE.COMPLETED");
    }
    assertThat(server.log()).containsExactly(TEST_CERT);
  }

  @Test
  void missingStaleOrMislabelledTransmissionsAreRefused() throws Exception {
    WebhookGuard guard = guard(NOW, WEBHOOK_ID);
    WebhookRequest good = signed("WH-1", NOW, TEST_CERT);
    refused(
        guard,
        WebhookRequest.builder()
            .remoteAddress("127.0.0.1")
            .header("Content-Type", "application/json")
            .body(good.body())
            .build(),
        Reason.SIGNATURE_MISSING);
    refused(
        guard,
        post(new String(good.body(), StandardCharsets.UTF_8))
            .header("PAYPAL-TRANSMISSION-ID", good.header("paypal-transmission-id").orElseThrow())
            .header("PAYPAL-TRANSMISSION-TIME", NOW.toString())
            .header("PAYPAL-CERT-URL", good.header("paypal-cert-url").orElseThrow())
            .header("PAYPAL-AUTH-ALGO", "SHA1withRSA")
            .header("PAYPAL-TRANSMISSION-SIG", good.header("paypal-transmission-sig").orElseThrow())
            .build(),
        Reason.SIGNATURE_INVALID);
    refused(
        guard, signed("WH-2", NOW.minusSeconds(301), TEST_CERT), Reason.TIMESTAMP_OUT_OF_TOLERANCE);
    refused(
        guard, signed("WH-3", NOW.plusSeconds(301), TEST_CERT), Reason.TIMESTAMP_OUT_OF_TOLERANCE);
    refused(guard, signed("WH-4", NOW, WRONG_NAME_CERT), Reason.SIGNATURE_INVALID);
    proceeds(guard, good);
  }

  @Test
  void aCertificateUrlOffPaypalsApiHostsIsNeverFetched() throws Exception {
    WebhookGuard guard = guard(NOW, WEBHOOK_ID);
    WebhookRequest good = signed("WH-1", NOW, TEST_CERT);
    for (String url :
        List.of(
            "http://api-m.paypal.com" + TEST_CERT,
            "https://api-m.paypal.com.evil.example" + TEST_CERT,
            "https://api-m.paypal.evil.com" + TEST_CERT,
            "https://evil-api.paypal.com" + TEST_CERT,
            "https://www.paypal.com" + TEST_CERT,
            "https://api-m.paypal.com:8443" + TEST_CERT,
            "https://user@api-m.paypal.com" + TEST_CERT,
            "https://api-m.paypal.com/v1/other/CERT-1",
            "https://api-m.paypal.com/v1/notifications/certs/../../x",
            "https://api-m.paypal.com" + TEST_CERT + "?x=1",
            "not a url")) {
      WebhookRequest r =
          post(new String(good.body(), StandardCharsets.UTF_8))
              .header("PAYPAL-TRANSMISSION-ID", good.header("paypal-transmission-id").orElseThrow())
              .header("PAYPAL-TRANSMISSION-TIME", NOW.toString())
              .header("PAYPAL-CERT-URL", url)
              .header("PAYPAL-AUTH-ALGO", "SHA256withRSA")
              .header(
                  "PAYPAL-TRANSMISSION-SIG", good.header("paypal-transmission-sig").orElseThrow())
              .build();
      assertThat(responds(guard, r).reason()).as(url).isEqualTo(Reason.SIGNATURE_INVALID);
    }
    assertThat(server.log()).isEmpty();
  }

  @Test
  void aCertificateNamedForPaypalThatChainsToNoTrustedCaIsNeverUsed() throws Exception {
    // self-signed for messageverificationcerts.paypal.com, served from PayPal's API host: the name
    // is right, the chain is not — no key, so 503 (retried once the kit trusts the issuer)
    Decision.Respond r =
        responds(guard(NOW, WEBHOOK_ID), signed("WH-1", NOW, SELF_SIGNED_CERT, selfSigned.key()));
    assertThat(r.status()).isEqualTo(503);
    assertThat(r.reason()).isEqualTo(Reason.KEY_UNAVAILABLE);
    assertThat(server.log()).containsExactly(SELF_SIGNED_CERT);
  }

  @Test
  void withPaypalsCertificateHostDownTheAnswerIs503WithRetryAfter() throws Exception {
    WebhookGuard guard = guard(NOW, WEBHOOK_ID);
    server.close();
    Decision.Respond r = responds(guard, signed("WH-1", NOW, TEST_CERT));
    assertThat(r.status()).isEqualTo(503);
    assertThat(r.reason()).isEqualTo(Reason.KEY_UNAVAILABLE);
    assertThat(r.headers()).containsKey("Retry-After");
    assertThat(text(r)).doesNotContain("paypal.com").doesNotContain("localhost");
  }

  @Test
  void startUpNeedsTheWebhookIdAndRefusesSecrets() {
    assertThatThrownBy(() -> EndpointConfig.builder("pp").provider("paypal").build())
        .isInstanceOf(WebhookConfigurationException.class)
        .hasMessageContaining("pp")
        .hasMessageContaining("webhook-id");
    assertThatThrownBy(
            () ->
                EndpointConfig.builder("pp")
                    .provider("paypal")
                    .providerKey("webhook-id", "../x")
                    .build())
        .isInstanceOf(WebhookConfigurationException.class)
        .hasMessageContaining("webhook-id");
    assertThatThrownBy(
            () ->
                EndpointConfig.builder("pp")
                    .provider("paypal")
                    .secrets("pp-s3cret")
                    .providerKey("webhook-id", WEBHOOK_ID)
                    .build())
        .isInstanceOf(WebhookConfigurationException.class)
        .hasMessageNotContaining("pp-s3cret");
  }
}

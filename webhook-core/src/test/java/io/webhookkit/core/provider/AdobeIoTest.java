package io.webhookkit.core.provider;

import static io.webhookkit.core.provider.PresetTests.get;
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
import io.webhookkit.core.internal.keys.AdobeIoScheme;
import io.webhookkit.core.internal.keys.LocalHttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code adobe-io} preset through the whole guard, Adobe's key paths served by a local HTTPS
 * server through the programmatic {@link RemoteKeys} only, with aio-lib-java's published vectors
 * ({@code events_webhook/.../EventVerifierTest.java}, HEAD 33c3516: its payloads, its four
 * signatures and the four public keys its test feeds the verifier, served here as PEM files at the
 * test's own paths).
 */
class AdobeIoTest {
  private static final String PAYLOAD =
      "{\"event_id\":\"eventId1\",\"event\":{\"hello\":\"world\"},\"recipient_client_id\":\"client_id1\"}";
  private static final String SIGNATURE_1 =
      "IaHo9/8DYt2630pAtjIJeGtsHjB61zOSiAb3S4X1VdPooxikfk79H/t3rgaSbmQMOnjVPRpYVNsHn1fE+l80gjEqmljgNEHt+BtfEH8EsEigwbjQS9opTx/GFnexw3h/sWOt4MGWt3TFK484Dsijijcs1gLwcxTyVUeU2G2XXECpH4dvvEXWQP+1HDFu9nrN+MU/aOR17cNF5em/D/jKjgTcaPx7jK+W5M57F3qqsmdcPxM1ltQxx1/iAXWaOffOC/nXSda5fLFZL75RKBIoveDjL9zthVkBVY9qKXYyK6S/usc2bW3PpXuRTd5Xv2bFB2Mlzr0Gi6St/iiNYLEl3g==";
  private static final String SIGNATURE_2 =
      "Xx8uVpZlKIOqAdVBr/6aNrASk6u7i/Bb9kWZttIFOu0Y2JGozZGG7WF9Z6056RdeeBUXLJsV4r8a3ZeEUrOZi3hvhV+Hw7vmK1NIQJVIqdigF9mJ/2gSMGe7K4OPedh+fPNZmbOyNIc6FRmUtTdemNLJeCzM7Zf+niC7Tfsytsz4lW4ebv34TWHxzAA9pZRcJE4a1YYqEYAqn3cHTvCzB/AQ6VdIcP8MsuTGatCk9Vc6dTPOVEcyYkVXTMGgsmzW8RB6mq0m1aqTz3KvnhEYlkspqtxi+jBkTjcYVf1dPa4ofbosmD5rohIef/UwPX5n5ZHM7du86Gf+6S72ee8tbw==";
  private static final String BATCH_SIGNATURE_1 =
      "FHdNfD32TWCLbTUbnQykLWfyNfD+XpNroo0sqmVMhmdMGUqVQMkg7SVfIr8vt12EhGPzapqIbgFe2b6lU7isflzzJWQfpN+BB7brMzfrxQVDkAZZP7hvm9FLqPVAV24/jLojyfNJbLNufEN8rg0+u90bGxZjzAOAWdHdkA3xbJudJc+mzpW0GSxKN7QszrIC0P0A2bTmpvfVtyCbR3uM9JVwBPwR0yqq0EuFV2GeFhnJzDqH4qq8Q4kScOmgMK/9p/Ii2Km0KquYnBFC7GsPE2OVrZulmOZZpy1F2YNY2NEPehbtqtgVvbKCafzwi85LnOC/ZXbfOnN4HMoWwS6MSQ==";
  private static final String BATCH_SIGNATURE_2 =
      "v6Id3pI0rVt8b3QTMaceL874PwHztTZAHrydaAap/5uHoMcJhXcXHX0lZtTIEzqar0za2NM93HRz1AJZvuCDlWMPNWd+W2bvodjsh0OAHYJ2woNfeIm6QrnWOYHSC0x0dFuC0gncKGvcNt977Ef7XThEoIbTemIbQt/7dlgTOu9X0hTA9pZHb+iX8AL71zvjP31gWUaAQE9Di1LiACKI1kadfGb0ZNOWXpov3byOl8EXNN7GwoGYtTdP0AlyswhOjRZDEFeCfOoPq+XH2ufqOa0t8inoOp80AczxO9WEqPosyyqhaNjMhSSiN/h41TqMXNsDA7FIRgO6GRg2cRDtog==";
  private static final String INVALID_SIGNATURE =
      "abc22OGm8/6H6bJXSi+/4VztsPN+fPZtHgHrrASuTw7LTUZVpbAZNaXVTzQsFd47PvaI8aQxbl874GFmH0QfAVQaRT93x5O/kQdM1ymG03303QaFY/mjm/Iot3VEwq5xOtM8f5a2mKUce9bgEv28iN7z9H/MbBOSmukPSJh/vMLkFAmMZQwdP4SRK3ckxQg6wWTbeMRxjw8/FLckznCGPZri4c0O7WPr8wnrWcvArlhBpIPJPeifJOyDj/woFQzoeemdrVoBFOieE/j3RoMWzcQeLENaSrqk00MPL2svNQcTLMkmWuICOjYSbnlv/EPFCQS8bQsnVHxGFD1yDeFa7Q==";
  private static final String KEY_1 = "/junit/pub-key-1.pem";
  private static final String KEY_2 = "/junit/pub-key-2.pem";
  private static final String BATCH_KEY_1 = "/junit/batch/pub-key-1.pem";
  private static final String BATCH_KEY_2 = "/junit/batch/pub-key-2.pem";

  @TempDir static Path dir;
  private LocalHttpsServer server;

  private static byte[] pem(String name) {
    try (InputStream in =
        AdobeIoTest.class.getResourceAsStream("/io/webhookkit/core/internal/keys/adobe/" + name)) {
      return Objects.requireNonNull(in, name).readAllBytes();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @BeforeEach
  void start() throws Exception {
    Map<String, byte[]> files =
        Map.of(
            KEY_1, pem("pub-key-1.pem"),
            KEY_2, pem("pub-key-2.pem"),
            BATCH_KEY_1, pem("batch-pub-key-1.pem"),
            BATCH_KEY_2, pem("batch-pub-key-2.pem"));
    server =
        new LocalHttpsServer(
            dir,
            path ->
                files.containsKey(path)
                    ? new LocalHttpsServer.Answer(200, List.of(), files.get(path))
                    : new LocalHttpsServer.Answer(404, List.of(), new byte[0]));
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  private WebhookGuard guard(String clientId) {
    Clock clock = Clock.fixed(Instant.parse("2026-12-07T12:00:00Z"), ZoneOffset.UTC);
    RemoteKeys remoteKeys = server.remoteKeys(clock);
    EndpointConfig config =
        EndpointConfig.builder("adobe")
            .provider("adobe-io")
            .providerKey("client-id", clientId)
            .remoteKeys(remoteKeys)
            .build();
    return WebhookGuard.builder(config).clock(clock).build();
  }

  private static WebhookRequest event(
      String body, String sig1, String sig2, String path1, String path2) {
    return post(body)
        .header("x-adobe-digital-signature-1", sig1)
        .header("x-adobe-digital-signature-2", sig2)
        .header("x-adobe-public-key1-path", path1)
        .header("x-adobe-public-key2-path", path2)
        .build();
  }

  @Test
  void adobesPublishedEventVerifiesWithItsFirstKey() {
    WebhookEvent event =
        proceeds(guard("client_id1"), event(PAYLOAD, SIGNATURE_1, SIGNATURE_2, KEY_1, KEY_2));
    assertThat(event.deliveryId()).contains("eventId1");
    assertThat(event.secretLabel()).isEqualTo(AdobeIoScheme.LABEL);
    assertThat(server.log()).containsExactly(KEY_1);
  }

  @Test
  void eitherSignatureIsEnoughButNotNeither() {
    // EventVerifierTest.invalidValidSignature1 and .invalidSignatures
    WebhookGuard guard = guard("client_id1");
    proceeds(guard, event(PAYLOAD, INVALID_SIGNATURE, SIGNATURE_2, KEY_1, KEY_2));
    refused(
        guard,
        event(PAYLOAD, INVALID_SIGNATURE, INVALID_SIGNATURE, KEY_1, KEY_2),
        Reason.SIGNATURE_INVALID);
    refused(
        guard,
        event(PAYLOAD.replace("world", "World"), SIGNATURE_1, SIGNATURE_2, KEY_1, KEY_2),
        Reason.SIGNATURE_INVALID);
    refused(
        guard,
        post(PAYLOAD).header("x-adobe-digital-signature-1", SIGNATURE_1).build(),
        Reason.SIGNATURE_MISSING);
  }

  @Test
  void adobesPublishedBatchVerifies() {
    // EventVerifierTest.validSignaturesForBatchPayload: "[" + payload + "]"
    WebhookEvent event =
        proceeds(
            guard("client_id1"),
            event(
                "[" + PAYLOAD + "]",
                BATCH_SIGNATURE_1,
                BATCH_SIGNATURE_2,
                BATCH_KEY_1,
                BATCH_KEY_2));
    assertThat(event.deliveryId()).hasValueSatisfying(id -> assertThat(id).startsWith("sha256:"));
  }

  @Test
  void anEventForAnotherClientIsRefused() {
    // EventVerifierTest.invalidApiKey: the payload names client_id1, the endpoint another
    refused(
        guard("another_api_key"),
        event(PAYLOAD, SIGNATURE_1, SIGNATURE_2, KEY_1, KEY_2),
        Reason.SIGNATURE_INVALID);
  }

  @Test
  void aKeyPathThatLeavesAdobesKeyHostIsNeverFetched() {
    WebhookGuard guard = guard("client_id1");
    for (String path :
        List.of(
            "https://evil.example/key.pem",
            "//evil.example/key.pem",
            "/junit/../secret.pem",
            "/junit/pub-key-1.pem?x=1",
            "/junit/%2e%2e/pub-key-1.pem",
            "@evil.example/key.pem",
            "/junit/pub-key-1.txt")) {
      assertThat(responds(guard, event(PAYLOAD, SIGNATURE_1, SIGNATURE_2, path, path)).reason())
          .as(path)
          .isEqualTo(Reason.SIGNATURE_INVALID);
    }
    assertThat(server.log()).isEmpty();
  }

  @Test
  void withAdobesKeyHostDownTheAnswerIs503SoAdobeRetries() throws Exception {
    WebhookGuard guard = guard("client_id1");
    server.close();
    Decision.Respond r = responds(guard, event(PAYLOAD, SIGNATURE_1, SIGNATURE_2, KEY_1, KEY_2));
    assertThat(r.status()).isEqualTo(503);
    assertThat(r.reason()).isEqualTo(Reason.KEY_UNAVAILABLE);
    assertThat(r.headers()).containsKey("Retry-After");
  }

  @Test
  void theRegistrationsChallengeIsEchoed() {
    Decision.Respond r = responds(guard("client_id1"), get("challenge=8ec8d794-e0ab-42df").build());
    assertThat(r.status()).isEqualTo(200);
    assertThat(text(r)).isEqualTo("8ec8d794-e0ab-42df");
  }

  @Test
  void startUpNeedsTheClientId() {
    assertThatThrownBy(() -> EndpointConfig.builder("adobe").provider("adobe-io").build())
        .isInstanceOf(WebhookConfigurationException.class)
        .hasMessageContaining("client-id");
  }
}

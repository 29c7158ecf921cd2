package io.webhookkit.core.provider;

import static io.webhookkit.core.provider.PresetTests.post;
import static io.webhookkit.core.provider.PresetTests.proceeds;
import static io.webhookkit.core.provider.PresetTests.refused;
import static io.webhookkit.core.provider.PresetTests.responds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import io.webhookkit.core.Decision;
import io.webhookkit.core.EndpointConfig;
import io.webhookkit.core.MutableClock;
import io.webhookkit.core.Reason;
import io.webhookkit.core.WebhookConfigurationException;
import io.webhookkit.core.WebhookEvent;
import io.webhookkit.core.WebhookGuard;
import io.webhookkit.core.WebhookRequest;
import io.webhookkit.core.internal.keys.LocalHttpsServer;
import io.webhookkit.core.internal.keys.PlaidScheme;
import io.webhookkit.core.internal.keys.TestJwks;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code plaid} preset through the whole guard, Plaid's key endpoint played by a local HTTPS
 * server through the programmatic {@link RemoteKeys} only, with a real Plaid webhook: the token,
 * key and body a user published in Stack Overflow question 62143991 (Plaid publishes no vector; the
 * signature and the body's digest were re-checked for the research notes, and verify here).
 */
class PlaidTest {
  private static final String TOKEN =
      "eyJhbGciOiJFUzI1NiIsImtpZCI6IjZjNTUxNmUxLTkyZGMtNDc5ZS1hOGZmLTVhNTE5OTJlMDAwMSIsInR5cCI6IkpXVCJ9.eyJpYXQiOjE1OTA4ODcwMDEsInJlcXVlc3RfYm9keV9zaGEyNTYiOiJiNjNhMDdiNTQ3YjAwZjk5MjU0N2Y2YmJjOGQ5YWNjNjFhOGNjZWUxMzhiYzgyZjQ0YTZiYWEwOTY4M2E1ZDBmIn0.OOKvIihgqCj7Qrb2bmz7T3t7uK-0JyjiEqL2s1kWeJBM4MMmjaHKK8GmU_z91QolBWMzvPgs718EElY-rE3cwQ";
  private static final String KEY =
      "{\"key\":{\"alg\":\"ES256\",\"created_at\":1560466143,\"crv\":\"P-256\",\"expired_at\":null,"
          + "\"kid\":\"6c5516e1-92dc-479e-a8ff-5a51992e0001\",\"kty\":\"EC\",\"use\":\"sig\","
          + "\"x\":\"35lvC8uz2QrWpQJ3TUH8t9o9DURMp7ydU518RKDl20k\","
          + "\"y\":\"I8BuXB2bvxelzJAd7OKhd-ZwjCst05Fx47Mb_0ugros\"},\"request_id\":\"Ab1cD\"}";

  /** The body as Plaid sent it: two-space indent, no trailing newline. */
  private static final String BODY =
      "{\n"
          + "  \"error\": null,\n"
          + "  \"item_id\": \"yxQbxDjnD8hr69pKbQpbcKeVn3GL9QuyA7NV3\",\n"
          + "  \"new_transactions\": 390,\n"
          + "  \"webhook_code\": \"HISTORICAL_UPDATE\",\n"
          + "  \"webhook_type\": \"TRANSACTIONS\"\n"
          + "}";

  private static final Instant SIGNED = Instant.ofEpochSecond(1590887001L);
  private static final String PATH = "/webhook_verification_key/get";

  @TempDir static Path dir;
  private LocalHttpsServer server;
  private volatile String answer = KEY;

  @BeforeEach
  void start() throws Exception {
    server =
        new LocalHttpsServer(
            dir,
            path ->
                path.equals(PATH)
                    ? LocalHttpsServer.Answer.ok(answer)
                    : new LocalHttpsServer.Answer(404, List.of(), new byte[0]));
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  private WebhookGuard guard(MutableClock clock) {
    RemoteKeys remoteKeys = server.remoteKeys(clock);
    EndpointConfig config =
        EndpointConfig.builder("plaid")
            .provider("plaid")
            .secrets("plaid-secret-value")
            .providerKey("client-id", "5f1b6c2e9d8a7b0012345678")
            .remoteKeys(remoteKeys)
            .build();
    return WebhookGuard.builder(config).clock(clock).build();
  }

  private static WebhookRequest webhook(String body, String token) {
    return post(body).header("Plaid-Verification", token).build();
  }

  @Test
  void aRealPlaidWebhookVerifiesAndTheKeyIsFetchedWithTheCredentials() {
    WebhookGuard guard = guard(new MutableClock(SIGNED.plusSeconds(60)));

    WebhookEvent event = proceeds(guard, webhook(BODY, TOKEN));
    assertThat(event.eventType()).contains("TRANSACTIONS");
    assertThat(event.attribute("webhook-code")).contains("HISTORICAL_UPDATE");
    assertThat(event.secretLabel()).isEqualTo(PlaidScheme.LABEL);
    assertThat(server.requests())
        .singleElement()
        .asString()
        .startsWith("POST " + PATH + " ")
        .contains("Content-Type: application/json")
        .endsWith(
            " {\"client_id\":\"5f1b6c2e9d8a7b0012345678\",\"secret\":\"plaid-secret-value\","
                + "\"key_id\":\"6c5516e1-92dc-479e-a8ff-5a51992e0001\"}");

    // the same webhook again verifies from the cached key (then is the duplicate it is)
    refused(guard, webhook(BODY, TOKEN), Reason.DELIVERY_IN_PROGRESS);
    assertThat(server.requests()).hasSize(1);
  }

  @Test
  void theBodyReserializedOrChangedFails() {
    WebhookGuard guard = guard(new MutableClock(SIGNED.plusSeconds(60)));
    String compact =
        "{\"error\":null,\"item_id\":\"yxQbxDjnD8hr69pKbQpbcKeVn3GL9QuyA7NV3\",\"new_transactions\":390,"
            + "\"webhook_code\":\"HISTORICAL_UPDATE\",\"webhook_type\":\"TRANSACTIONS\"}";
    refused(guard, webhook(compact, TOKEN), Reason.SIGNATURE_INVALID);
    refused(guard, webhook(BODY.replace("390", "391"), TOKEN), Reason.SIGNATURE_INVALID);
    refused(
        guard,
        webhook(BODY, TOKEN.substring(0, TOKEN.length() - 2) + "cw"),
        Reason.SIGNATURE_INVALID);
  }

  @Test
  void anOldTokenARetiredKeyOrAnotherAlgorithmIsRefused() throws Exception {
    refused(
        guard(new MutableClock(SIGNED.plusSeconds(301))),
        webhook(BODY, TOKEN),
        Reason.TIMESTAMP_OUT_OF_TOLERANCE);

    answer = KEY.replace("\"expired_at\":null", "\"expired_at\":1600000000");
    refused(
        guard(new MutableClock(SIGNED.plusSeconds(60))),
        webhook(BODY, TOKEN),
        Reason.SIGNATURE_INVALID);

    RSAKey rsa = new RSAKeyGenerator(2048).keyID("6c5516e1-92dc-479e-a8ff-5a51992e0001").generate();
    String rs256 =
        TestJwks.sign(
            rsa,
            rsa.getKeyID(),
            new JWTClaimsSet.Builder()
                .issueTime(Date.from(SIGNED))
                .claim(
                    "request_body_sha256",
                    "b63a07b547b00f992547f6bbc8d9acc61a8ccee138bc82f44a6baa09683a5d0f")
                .build());
    refused(guard(new MutableClock(SIGNED)), webhook(BODY, rs256), Reason.SIGNATURE_INVALID);
    refused(guard(new MutableClock(SIGNED)), post(BODY).build(), Reason.SIGNATURE_MISSING);
  }

  @Test
  void withPlaidsKeyEndpointDownTheAnswerIs503WithRetryAfter() throws Exception {
    WebhookGuard guard = guard(new MutableClock(SIGNED.plusSeconds(60)));
    server.close();
    Decision.Respond r = responds(guard, webhook(BODY, TOKEN));
    assertThat(r.status()).isEqualTo(503);
    assertThat(r.reason()).isEqualTo(Reason.KEY_UNAVAILABLE);
    assertThat(r.headers()).containsKey("Retry-After");
  }

  @Test
  void startUpNeedsTheClientIdAndAKnownEnvironment() {
    assertThatThrownBy(
            () -> EndpointConfig.builder("plaid").provider("plaid").secrets("s3cr3t").build())
        .isInstanceOf(WebhookConfigurationException.class)
        .hasMessageContaining("client-id")
        .hasMessageNotContaining("s3cr3t");
    assertThatThrownBy(
            () ->
                EndpointConfig.builder("plaid")
                    .provider("plaid")
                    .secrets("s3cr3t")
                    .providerKey("client-id", "c")
                    .providerKey("environment", "development")
                    .build())
        .isInstanceOf(WebhookConfigurationException.class)
        .hasMessageContaining("environment");
  }
}

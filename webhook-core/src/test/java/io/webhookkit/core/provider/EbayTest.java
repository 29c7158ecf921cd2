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
import io.webhookkit.core.internal.keys.EbayScheme;
import io.webhookkit.core.internal.keys.LocalHttpsServer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ebay} preset through the whole guard, eBay's token and key endpoints played by a local
 * HTTPS server through the programmatic {@link RemoteKeys} only, with eBay's published vector
 * (event-notification-java-sdk's test data: {@code DataProvider.SIGNATURE_HEADER}, {@code
 * public_key_response.json}, {@code message.json} as the SDK signs it — compact — and the challenge
 * of {@code NotificationConsumerApplicationTest}).
 */
class EbayTest {
  private static final String SIGNATURE =
      "eyJhbGciOiJlY2RzYSIsImtpZCI6Ijk5MzYyNjFhLTdkN2ItNDYyMS1hMGYxLTk2Y2NiNDI4YWY0OSIsInNpZ25hdHVyZSI6Ik1FWUNJUUNmeGZJV3V4bVdjSUJRSjljNS9YN2lHREpxczJSQ0dzQkVhQWppbnlycmZBSWhBSVY2d0djVGlCdVY1S0pVaWYyaG9reXJMK1E5c3NIa2FkK214Mm5FRTI1dyIsImRpZ2VzdCI6IlNIQTEifQ==";
  private static final String KEY_RESPONSE =
      "{\"key\":\"-----BEGIN PUBLIC KEY-----MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEZhhxXKtR+TOvtDbgTPCkSof02qgBB7IsYOyf76ilExJ/upAa/vKIKheOoCyOpcLmi4t0b4uepb7LLjmMr90FUg==-----END PUBLIC KEY-----\",\"algorithm\":\"ECDSA\",\"digest\":\"SHA1\"}";
  private static final String MESSAGE =
      "{\"metadata\":{\"topic\":\"MARKETPLACE_ACCOUNT_DELETION\",\"schemaVersion\":\"1.0\","
          + "\"deprecated\":false},\"notification\":{\"notificationId\":"
          + "\"49feeaeb-4982-42d9-a377-9645b8479411_33f7e043-fed8-442b-9d44-791923bd9a6d\","
          + "\"eventDate\":\"2021-03-19T20:43:59.462Z\",\"publishDate\":\"2021-03-19T20:43:59.679Z\","
          + "\"publishAttemptCount\":1,\"data\":{\"username\":\"test_user\",\"userId\":\"ma8vp1jySJC\","
          + "\"eiasToken\":\"nY+sHZ2PrBmdj6wVnY+sEZ2PrA2dj6wJnY+gAZGEpwmdj6x9nY+seQ==\"}}}";
  private static final String KEY_PATH =
      "/commerce/notification/v1/public_key/9936261a-7d7b-4621-a0f1-96ccb428af49";
  private static final String TOKEN_PATH = "/identity/v1/oauth2/token";

  @TempDir static Path dir;
  private LocalHttpsServer server;

  @BeforeEach
  void start() throws Exception {
    server =
        new LocalHttpsServer(
            dir,
            path ->
                switch (path) {
                  case TOKEN_PATH ->
                      LocalHttpsServer.Answer.ok(
                          "{\"access_token\":\"v^1.1#i^1#app-token\",\"expires_in\":7200,"
                              + "\"token_type\":\"Application Access Token\"}");
                  case KEY_PATH -> LocalHttpsServer.Answer.ok(KEY_RESPONSE);
                  default -> new LocalHttpsServer.Answer(404, List.of(), new byte[0]);
                });
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  private WebhookGuard guard() {
    Clock clock = Clock.fixed(Instant.parse("2026-12-07T12:00:00Z"), ZoneOffset.UTC);
    RemoteKeys remoteKeys = server.remoteKeys(clock);
    EndpointConfig config =
        EndpointConfig.builder("ebay")
            .provider("ebay")
            .secrets("PRD-client-secret")
            .providerKey("client-id", "Shop-App-PRD-1234")
            .providerKey("verify-token", "71745723-d031-455c-bfa5-f90d11b4f20a")
            .providerKey("public-url", "http://www.testendpoint.com/webhook")
            .remoteKeys(remoteKeys)
            .build();
    return WebhookGuard.builder(config).clock(clock).build();
  }

  private static WebhookRequest notification(String body, String signature) {
    return post(body).header("X-EBAY-SIGNATURE", signature).build();
  }

  @Test
  void ebaysPublishedNotificationVerifiesWithTheKeyFetchedUnderAnAppToken() {
    WebhookEvent event = proceeds(guard(), notification(MESSAGE, SIGNATURE));
    assertThat(event.deliveryId())
        .contains("49feeaeb-4982-42d9-a377-9645b8479411_33f7e043-fed8-442b-9d44-791923bd9a6d");
    assertThat(event.eventType()).contains("MARKETPLACE_ACCOUNT_DELETION");
    assertThat(event.secretLabel()).isEqualTo(EbayScheme.LABEL);
    List<String> requests = server.requests();
    assertThat(requests).hasSize(2);
    assertThat(requests.get(0))
        .startsWith("POST " + TOKEN_PATH + " ")
        .contains("Authorization: Basic U2hvcC1BcHAtUFJELTEyMzQ6UFJELWNsaWVudC1zZWNyZXQ=")
        .endsWith(
            "grant_type=client_credentials&scope=https%3A%2F%2Fapi.ebay.com%2Foauth%2Fapi_scope");
    assertThat(requests.get(1))
        .startsWith("GET " + KEY_PATH + " ")
        .contains("Authorization: Bearer v^1.1#i^1#app-token");
  }

  @Test
  void aTamperedOrReserializedMessageFails() {
    // tampered_message.json changes the user; the SDK's pretty-printed file is not what was signed
    WebhookGuard guard = guard();
    refused(
        guard,
        notification(MESSAGE.replace("test_user", "test_user2"), SIGNATURE),
        Reason.SIGNATURE_INVALID);
    refused(
        guard,
        notification(MESSAGE.replace(",\"schemaVersion\"", ", \"schemaVersion\""), SIGNATURE),
        Reason.SIGNATURE_INVALID);
    refused(guard, notification(MESSAGE, "bm90LWpzb24="), Reason.SIGNATURE_INVALID);
    refused(guard, post(MESSAGE).build(), Reason.SIGNATURE_MISSING);
  }

  @Test
  void theEndpointValidationIsAnsweredAsEbaysSdkComputesIt() {
    // NotificationConsumerApplicationTest: the challenge code, token and endpoint it uses
    Decision.Respond r =
        responds(guard(), get("challenge_code=a8628072-3d33-45ee-9004-bee86830a22d").build());
    assertThat(r.status()).isEqualTo(200);
    assertThat(text(r))
        .isEqualTo(
            "{\"challengeResponse\":\"ca527df75caa230092d7e90484071e8f05d63068f1317973d6a3a42593734bbb\"}");
  }

  @Test
  void withEbayDownTheAnswerIs503WithRetryAfter() throws Exception {
    WebhookGuard guard = guard();
    server.close();
    Decision.Respond r = responds(guard, notification(MESSAGE, SIGNATURE));
    assertThat(r.status()).isEqualTo(503);
    assertThat(r.reason()).isEqualTo(Reason.KEY_UNAVAILABLE);
  }

  @Test
  void startUpNeedsTheClientIdTheVerifyTokenAndThePublicUrl() {
    assertThatThrownBy(
            () ->
                EndpointConfig.builder("ebay")
                    .provider("ebay")
                    .secrets("client-s3cret")
                    .providerKey("client-id", "app")
                    .providerKey("verify-token", "71745723-d031-455c-bfa5-f90d11b4f20a")
                    .build())
        .isInstanceOf(WebhookConfigurationException.class)
        .hasMessageContaining("public-url")
        .hasMessageNotContaining("client-s3cret");
  }
}

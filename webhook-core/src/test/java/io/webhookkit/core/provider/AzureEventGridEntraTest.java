package io.webhookkit.core.provider;

import static io.webhookkit.core.provider.PresetTests.post;
import static io.webhookkit.core.provider.PresetTests.proceeds;
import static io.webhookkit.core.provider.PresetTests.refused;
import static io.webhookkit.core.provider.PresetTests.responds;
import static io.webhookkit.core.provider.PresetTests.text;
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
import io.webhookkit.core.internal.keys.TestJwks;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code azure-event-grid-entra} preset through the whole guard, the tenant's key set served by
 * a local HTTPS server through the programmatic {@link RemoteKeys} only. Microsoft publishes no
 * signed Event Grid token, so the tokens are made here with a test key, shaped as Entra issues them
 * to Event Grid (v1.0 and v2.0 issuers, {@code appid}/{@code azp} of Microsoft.EventGrid).
 */
class AzureEventGridEntraTest {
  private static final String TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";
  private static final String APP = "api://orders-webhook";
  private static final String EVENT_GRID = "4962773b-9cdb-44cf-a8bf-237846a00ab7";
  private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");
  private static final String KEYS = "/" + TENANT + "/discovery/v2.0/keys";

  @TempDir static Path dir;
  private static RSAKey key;
  private TestJwks jwks;

  @BeforeAll
  static void keys() throws Exception {
    key = new RSAKeyGenerator(2048).keyID("entra-kid").generate();
  }

  @BeforeEach
  void start() throws Exception {
    jwks = new TestJwks(dir, KEYS, key);
  }

  @AfterEach
  void stop() throws Exception {
    jwks.close();
  }

  private WebhookGuard guard() {
    MutableClock clock = new MutableClock(NOW);
    EndpointConfig config =
        EndpointConfig.builder("grid")
            .provider("azure-event-grid-entra")
            .providerKey("tenant-id", TENANT)
            .providerKey("audience", APP)
            .remoteKeys(jwks.remoteKeys(clock))
            .build();
    return WebhookGuard.builder(config).clock(clock).build();
  }

  private static String token(UnaryOperator<JWTClaimsSet.Builder> change) throws Exception {
    JWTClaimsSet.Builder claims =
        new JWTClaimsSet.Builder()
            .audience(APP)
            .issuer("https://sts.windows.net/" + TENANT + "/")
            .claim("appid", EVENT_GRID)
            .claim("roles", List.of("AzureEventGridSecureWebhookSubscriber"))
            .claim("tid", TENANT)
            .issueTime(Date.from(NOW.minusSeconds(300)))
            .notBeforeTime(Date.from(NOW.minusSeconds(300)))
            .expirationTime(Date.from(NOW.plusSeconds(3300)));
    return TestJwks.sign(key, "entra-kid", change.apply(claims).build());
  }

  private static WebhookRequest events(String body, String token, String type) {
    return post(body)
        .header("Authorization", "Bearer " + token)
        .header("aeg-event-type", type)
        .build();
  }

  @Test
  void anEventGridTokenOfTheTenantVerifiesWithEitherIssuerVersion() throws Exception {
    WebhookGuard guard = guard();
    String body =
        "[{\"id\":\"2d1781af-3a4c\",\"eventType\":\"Microsoft.Storage.BlobCreated\",\"subject\":"
            + "\"/blobs/grüße.txt\",\"data\":{},\"dataVersion\":\"1\"}]";
    WebhookEvent v1 = proceeds(guard, events(body, token(c -> c), "Notification"));
    assertThat(v1.eventType()).contains("Notification");
    assertThat(v1.secretLabel()).isEqualTo("entra-jwks");
    WebhookEvent v2 =
        proceeds(
            guard,
            events(
                body.replace("2d1781af", "9e2f0c11"),
                token(
                    c ->
                        c.issuer("https://login.microsoftonline.com/" + TENANT + "/v2.0")
                            .claim("appid", null)
                            .claim("azp", EVENT_GRID)),
                "Notification"));
    assertThat(v2.deliveryId()).isPresent();
    assertThat(jwks.server().log()).containsExactly(KEYS);
  }

  @Test
  void theSubscriptionValidationIsAnsweredOnlyWithAValidToken() throws Exception {
    WebhookGuard guard = guard();
    String validation =
        "[{\"id\":\"2d1781af\",\"eventType\":\"Microsoft.EventGrid.SubscriptionValidationEvent\","
            + "\"data\":{\"validationCode\":\"512d38b6-c7b8-40c8-89fe-f46f9e9622b6\"},"
            + "\"dataVersion\":\"2\"}]";
    Decision.Respond r =
        responds(guard, events(validation, token(c -> c), "SubscriptionValidation"));
    assertThat(r.status()).isEqualTo(200);
    assertThat(text(r)).contains("512d38b6-c7b8-40c8-89fe-f46f9e9622b6");
    refused(
        guard,
        post(validation).header("aeg-event-type", "SubscriptionValidation").build(),
        Reason.SIGNATURE_MISSING);
  }

  @Test
  void aTokenForAnotherTenantAppOrClientIsRefused() throws Exception {
    WebhookGuard guard = guard();
    Map<String, UnaryOperator<JWTClaimsSet.Builder>> wrong =
        Map.of(
            "another tenant",
                c -> c.issuer("https://sts.windows.net/00000000-0000-0000-0000-000000000000/"),
            "another audience", c -> c.audience("api://someone-else"),
            "another client", c -> c.claim("appid", "11111111-2222-3333-4444-555555555555"),
            "no client", c -> c.claim("appid", null));
    for (var e : wrong.entrySet()) {
      assertThat(responds(guard, events("[]", token(e.getValue()), "Notification")).reason())
          .as(e.getKey())
          .isEqualTo(Reason.SIGNATURE_INVALID);
    }
    refused(
        guard,
        events(
            "[]", token(c -> c.expirationTime(Date.from(NOW.minusSeconds(400)))), "Notification"),
        Reason.TIMESTAMP_OUT_OF_TOLERANCE);
  }

  @Test
  void startUpNeedsATenantIdAndAnAudience() {
    assertThatThrownBy(
            () ->
                EndpointConfig.builder("grid")
                    .provider("azure-event-grid-entra")
                    .providerKey("audience", APP)
                    .build())
        .isInstanceOf(WebhookConfigurationException.class)
        .hasMessageContaining("tenant-id");
    assertThatThrownBy(
            () ->
                EndpointConfig.builder("grid")
                    .provider("azure-event-grid-entra")
                    .providerKey("tenant-id", "../../evil")
                    .providerKey("audience", APP)
                    .build())
        .isInstanceOf(WebhookConfigurationException.class)
        .hasMessageContaining("tenant-id");
  }
}

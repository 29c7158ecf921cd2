package io.webhookkit.micronaut.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.webhookkit.test.TestDelivery;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The kit under Micronaut Security 4 (secured by default), with no security configuration for the
 * webhooks: a verified delivery passes without a login, a forged one is refused by the guard (not
 * by security), the handshakes are answered, and the application's other routes still need a login.
 * Runs in its own surefire execution, the only one with Micronaut Security on the class path.
 */
@MicronautTest(propertySources = "classpath:secured-app.properties")
class MicronautSecurityTest {
  /** The endpoints' secret, as in {@code secured-app.properties}. */
  static final String SECRET = "micronaut-security-secret";

  private static final HttpClient CLIENT =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @Inject EmbeddedServer server;

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.getPort() + "/secured-app" + path);
  }

  private HttpResponse<String> post(String path, TestDelivery delivery) throws Exception {
    return CLIENT.send(
        delivery.toHttpRequest(uri(path)),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  @Test
  void aVerifiedDeliveryPassesWithoutALogin() throws Exception {
    TestDelivery github = TestDelivery.github(SECRET);
    TestDelivery dropbox = TestDelivery.of("dropbox", SECRET);

    assertThat(post("/hooks/github", github).statusCode()).isEqualTo(200);
    assertThat(post("/hooks/dropbox", dropbox).statusCode()).isEqualTo(200);

    assertThat(SecuredApp.SEEN).contains(github.id(), dropbox.id());
  }

  @Test
  void aForgedDeliveryIsRefusedByTheGuardWithItsReason() throws Exception {
    TestDelivery forged = TestDelivery.github("not-the-secret");

    HttpResponse<String> response = post("/hooks/github", forged);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body()).contains("\"reason\":\"signature_invalid\"");
    assertThat(SecuredApp.SEEN).doesNotContain(forged.id());
  }

  @Test
  void aGetHandshakeIsAnsweredWithoutALogin() throws Exception {
    HttpResponse<String> response =
        CLIENT.send(
            HttpRequest.newBuilder(uri("/hooks/dropbox?challenge=dbx-secured")).GET().build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("dbx-secured");
  }

  @Test
  void theApplicationsOtherRoutesStillNeedALogin() throws Exception {
    HttpResponse<String> get =
        CLIENT.send(
            HttpRequest.newBuilder(uri("/private")).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    // A signed delivery to a route without @WebhookEndpoint proves nothing to security.
    HttpResponse<String> signedElsewhere = post("/private", TestDelivery.github(SECRET));

    assertThat(get.statusCode()).isEqualTo(401);
    assertThat(signedElsewhere.statusCode()).isEqualTo(401);
  }

  @Test
  void anExplicitSecuredOnAWebhookRouteStillApplies() throws Exception {
    TestDelivery delivery = TestDelivery.github(SECRET);

    HttpResponse<String> response = post("/hooks/denied", delivery);

    assertThat(response.statusCode()).isIn(401, 403);
    assertThat(SecuredApp.SEEN).doesNotContain(delivery.id());
  }

  @Test
  void theInboxViewAndItsReplayAreSensitiveAndNeedALogin() throws Exception {
    URI management = URI.create("http://127.0.0.1:" + server.getPort() + "/webhooks");
    HttpResponse<String> view =
        CLIENT.send(
            HttpRequest.newBuilder(management).build(), HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> replay =
        CLIENT.send(
            HttpRequest.newBuilder(URI.create(management + "/orders"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(view.statusCode()).isEqualTo(401);
    assertThat(replay.statusCode()).isEqualTo(401);
    // The deferred endpoint itself needs no login: the guard authenticates its deliveries.
    HttpResponse<String> order =
        CLIENT.send(
            TestDelivery.stripe(SECRET).toHttpRequest(uri("/hooks/orders")),
            HttpResponse.BodyHandlers.ofString());
    assertThat(order.statusCode()).as(order.body()).isEqualTo(202);
  }
}

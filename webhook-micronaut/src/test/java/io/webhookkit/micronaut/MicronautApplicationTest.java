package io.webhookkit.micronaut;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.webhookkit.micronaut.app.AppController;
import io.webhookkit.test.BindingCheck;
import io.webhookkit.test.TestDelivery;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * A class-level {@code @WebhookEndpoint} controller on embedded Netty: the body still binds as a
 * JSON {@code Map}, a POJO and a {@code String}; a controller that throws gets its delivery
 * released, so that the provider's retry is processed.
 */
@MicronautTest
@Property(name = "test.app", value = "true")
@Property(name = "micronaut.server.host", value = "127.0.0.1")
@Property(name = "micronaut.server.port", value = "-1")
@Property(name = "webhook.endpoints.github.provider", value = "github")
@Property(name = "webhook.endpoints.github.secrets", value = MicronautApplicationTest.SECRET)
@Property(name = "webhook.endpoints.slack.provider", value = "slack")
@Property(name = "webhook.endpoints.slack.secrets", value = MicronautApplicationTest.SECRET)
class MicronautApplicationTest {
  static final String SECRET = "micronaut-app-secret";
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @Inject EmbeddedServer server;

  private HttpResponse<String> post(String path, TestDelivery delivery) throws Exception {
    return CLIENT.send(
        delivery.toHttpRequest(URI.create("http://127.0.0.1:" + server.getPort() + path)),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  @Test
  void theBodyBindsAsAMapAPojoAndAStringBehindTheGuard() throws Exception {
    BindingCheck.mapPojoAndStringBind(
        URI.create("http://127.0.0.1:" + server.getPort()), SECRET, AppController.SEEN);
  }

  @Test
  void aSlashCommandsFormFieldsBindAsAMapBehindTheGuard() throws Exception {
    TestDelivery command = TestDelivery.slackCommand(SECRET);

    assertThat(post("/app/slack", command).statusCode()).isEqualTo(200);

    assertThat(AppController.SEEN)
        .anySatisfy(
            s ->
                assertThat(s)
                    .startsWith("command " + command.id())
                    .contains("command=/deploy")
                    .contains("text=now please"));
  }

  @Test
  void aForgedDeliveryNeverReachesTheClassLevelGuardedController() throws Exception {
    TestDelivery forged = TestDelivery.github("not-the-secret");

    HttpResponse<String> response = post("/app/map", forged);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(response.body()).contains("\"reason\":\"signature_invalid\"");
    assertThat(AppController.SEEN).noneMatch(s -> s.contains(forged.id()));
  }

  @Test
  void aControllerThatThrowsReleasesTheDeliveryAndTheRetryIsProcessed() throws Exception {
    TestDelivery delivery = TestDelivery.github(SECRET);
    AppController.FAILURES.set(1);

    assertThat(post("/app/flaky", delivery).statusCode()).isEqualTo(500);
    assertThat(post("/app/flaky", delivery).statusCode()).isEqualTo(202);
    assertThat(post("/app/flaky", delivery).statusCode()).isEqualTo(202);

    assertThat(AppController.SEEN).filteredOn(s -> s.equals("flaky " + delivery.id())).hasSize(2);
  }
}

package io.webhookkit.micronaut;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.webhookkit.test.TestDelivery;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** Micrometer meters, the {@code webhooks} management endpoint and the store's health. */
@MicronautTest
@Property(name = "test.app", value = "true")
@Property(name = "test.metrics", value = "true")
@Property(name = "micronaut.server.host", value = "127.0.0.1")
@Property(name = "micronaut.server.port", value = "-1")
@Property(name = "endpoints.webhooks.sensitive", value = "false")
@Property(name = "endpoints.health.details-visible", value = "ANONYMOUS")
@Property(name = "webhook.endpoints.github.provider", value = "github")
@Property(name = "webhook.endpoints.github.secrets", value = MicronautManagementTest.SECRET)
@Property(name = "webhook.endpoints.slack.provider", value = "slack")
@Property(name = "webhook.endpoints.slack.secrets", value = MicronautManagementTest.SECRET)
class MicronautManagementTest {
  static final String SECRET = "micronaut-management-secret";
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @Inject EmbeddedServer server;
  @Inject SimpleMeterRegistry registry;

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.getPort() + path);
  }

  private String get(String path) throws Exception {
    HttpResponse<String> r =
        CLIENT.send(
            HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return r.body();
  }

  @Test
  void attemptsAreCountedByOutcomeAndTheMatchedSecretsLabel() throws Exception {
    TestDelivery good = TestDelivery.github(SECRET);
    CLIENT.send(good.toHttpRequest(uri("/app/flaky")), HttpResponse.BodyHandlers.discarding());
    CLIENT.send(
        TestDelivery.github("forged").toHttpRequest(uri("/app/flaky")),
        HttpResponse.BodyHandlers.discarding());

    assertThat(
            registry
                .get("webhook.attempts")
                .tags("endpoint", "github", "outcome", "accepted", "reason", "none")
                .timer()
                .count())
        .isPositive();
    assertThat(
            registry
                .get("webhook.attempts")
                .tags("outcome", "rejected", "reason", "signature_invalid")
                .timer()
                .count())
        .isPositive();
    assertThat(registry.get("webhook.secret.matches").tag("endpoint", "github").counter().count())
        .isPositive();
  }

  @Test
  void theWebhooksEndpointShowsSettingsAndSecretLabelsButNeverSecrets() throws Exception {
    String body = get("/webhooks");

    assertThat(body).contains("\"github\"").contains("\"provider\":\"github\"");
    assertThat(body).contains("secrets[0]").doesNotContain(SECRET);
  }

  @Test
  void theStoreHealthIsUp() throws Exception {
    String body = get("/health");

    assertThat(body).contains("webhookStore").contains("InMemoryIdempotencyStore");
  }
}

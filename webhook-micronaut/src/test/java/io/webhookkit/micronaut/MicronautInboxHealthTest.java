package io.webhookkit.micronaut;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.webhookkit.micronaut.app.SlowHandler;
import io.webhookkit.test.TestDelivery;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The {@code webhookInbox} health turns DOWN while a due delivery waits past the threshold (the
 * store on a settable clock, so the delivery ages without waiting).
 */
@MicronautTest
@Property(name = "test.slow", value = "true")
@Property(name = "micronaut.server.host", value = "127.0.0.1")
@Property(name = "micronaut.server.port", value = "-1")
@Property(name = "endpoints.health.details-visible", value = "ANONYMOUS")
@Property(name = "webhook.inbox.workers", value = "1")
@Property(name = "webhook.inbox.poll", value = "50ms")
@Property(name = "webhook.inbox.health-oldest-due", value = "200ms")
@Property(name = "webhook.endpoints.stripe.provider", value = "stripe")
@Property(name = "webhook.endpoints.stripe.secrets", value = MicronautInboxHealthTest.SECRET)
@Property(name = "webhook.endpoints.stripe.path", value = "/webhooks/stripe")
@Property(name = "webhook.endpoints.stripe.processing", value = "deferred")
class MicronautInboxHealthTest {
  static final String SECRET = "micronaut-health-secret";
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @Inject EmbeddedServer server;

  private HttpResponse<String> health() throws Exception {
    return CLIENT.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getPort() + "/health"))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void theInboxHealthTurnsDownWhileADueDeliveryWaitsPastTheThreshold() throws Exception {
    assertThat(health().body()).contains("webhookInbox");
    assertThat(health().statusCode()).isEqualTo(200);
    URI hook = URI.create("http://127.0.0.1:" + server.getPort() + "/webhooks/stripe");
    for (int i = 0; i < 2; i++) {
      CLIENT.send(
          TestDelivery.stripe(SECRET).toHttpRequest(hook), HttpResponse.BodyHandlers.ofString());
    }
    assertThat(SlowHandler.ENTERED.await(20, TimeUnit.SECONDS)).isTrue();
    SlowHandler.STORE_CLOCK.advance(Duration.ofSeconds(10)); // within the first one's lease
    HttpResponse<String> down = health();
    SlowHandler.RELEASE.countDown();

    assertThat(down.statusCode()).isEqualTo(503);
    assertThat(down.body()).contains("waited longer than");
  }
}

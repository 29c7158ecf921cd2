package io.webhookkit.micronaut;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.webhookkit.micronaut.app.AppController;
import io.webhookkit.micronaut.app.TestBeans;
import io.webhookkit.test.TestDelivery;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * Store calls may block (JDBC, Redis): the filter makes them on the blocking executor, never on a
 * Netty event-loop thread — the claim before the controller, and the completion and the release
 * after it.
 */
@MicronautTest
@Property(name = "test.app", value = "true")
@Property(name = "test.recording-store", value = "true")
@Property(name = "micronaut.server.host", value = "127.0.0.1")
@Property(name = "micronaut.server.port", value = "-1")
@Property(name = "webhook.endpoints.github.provider", value = "github")
@Property(name = "webhook.endpoints.github.secrets", value = MicronautEventLoopTest.SECRET)
@Property(name = "webhook.endpoints.slack.provider", value = "slack")
@Property(name = "webhook.endpoints.slack.secrets", value = MicronautEventLoopTest.SECRET)
class MicronautEventLoopTest {
  static final String SECRET = "micronaut-event-loop-secret";

  @Inject EmbeddedServer server;

  @Test
  void theStoreIsNeverCalledOnAnEventLoopThread() throws Exception {
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    URI flaky = URI.create("http://127.0.0.1:" + server.getPort() + "/app/flaky");
    TestDelivery delivery = TestDelivery.github(SECRET);
    AppController.FAILURES.set(1);

    assertThat(
            client
                .send(delivery.toHttpRequest(flaky), HttpResponse.BodyHandlers.discarding())
                .statusCode())
        .isEqualTo(500);
    assertThat(
            client
                .send(delivery.toHttpRequest(flaky), HttpResponse.BodyHandlers.discarding())
                .statusCode())
        .isEqualTo(202);

    assertThat(TestBeans.STORE_THREADS)
        .extracting(s -> s.split(" ")[0])
        .containsExactly("acquire", "release", "acquire", "complete");
    assertThat(TestBeans.STORE_THREADS).noneMatch(s -> s.toLowerCase().contains("eventloop"));
  }
}

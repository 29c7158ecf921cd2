package io.webhookkit.sample.micronaut;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.webhookkit.test.TestDelivery;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The README's Micronaut quick start, as written, answers a real GitHub-signed delivery. */
@MicronautTest
@Property(name = "micronaut.server.port", value = "-1")
class ApplicationTest {
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @Inject EmbeddedServer server;

  private int send(TestDelivery delivery) throws Exception {
    URI uri = URI.create("http://127.0.0.1:" + server.getPort() + "/hooks/github");
    return CLIENT
        .send(delivery.toHttpRequest(uri), HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  @Test
  void aSignedDeliveryIsAcceptedOnceAndAForgedOneRefused() throws Exception {
    TestDelivery push = TestDelivery.github("dev-only-secret");

    assertThat(send(push)).isEqualTo(202);
    assertThat(send(push)).as("a duplicate gets the stored status").isEqualTo(202);
    assertThat(send(push.withTamperedBody())).isEqualTo(401);
    assertThat(send(TestDelivery.github("someone-elses-secret"))).isEqualTo(401);
  }
}

package io.webhookkit.sample;

import static org.assertj.core.api.Assertions.assertThat;

import io.webhookkit.test.TestDelivery;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

/** The README's quick start, as written, answers a real GitHub-signed delivery. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "server.address=127.0.0.1")
class SampleApplicationTest {
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @Value("${local.server.port}")
  int port;

  private int send(TestDelivery delivery) throws Exception {
    URI uri = URI.create("http://127.0.0.1:" + port + "/hooks/github");
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

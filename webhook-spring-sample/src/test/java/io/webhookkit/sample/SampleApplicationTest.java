package io.webhookkit.sample;

import static org.assertj.core.api.Assertions.assertThat;

import io.webhookkit.test.QuickStartCheck;
import io.webhookkit.test.TestDelivery;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

/** The README's quick start, as written, answers a real GitHub-signed delivery. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "server.address=127.0.0.1")
class SampleApplicationTest {
  @Value("${local.server.port}")
  int port;

  @Test
  void aSignedDeliveryIsAcceptedOnceAndAForgedOneRefused() throws Exception {
    QuickStartCheck.github(
        URI.create("http://127.0.0.1:" + port + "/hooks/github"), "dev-only-secret", 202);
  }

  @Autowired SampleApplication.StripeHandlers stripe;

  @Test
  void aStripeDeliveryIsAcknowledgedAtOnceAndHandledByTheWebhookHandler() throws Exception {
    TestDelivery invoice = TestDelivery.stripe("whsec_dev_only_secret");
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                invoice.toHttpRequest(URI.create("http://127.0.0.1:" + port + "/hooks/stripe")),
                HttpResponse.BodyHandlers.ofString());

    assertThat(r.statusCode()).isEqualTo(202);
    assertThat(stripe.handled.poll(20, TimeUnit.SECONDS)).isEqualTo(invoice.id());
  }
}

package io.webhookkit.sample.micronaut;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.webhookkit.test.QuickStartCheck;
import io.webhookkit.test.TestDelivery;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The README's Micronaut quick start, as written, answers a real GitHub-signed delivery. */
@MicronautTest
@Property(name = "micronaut.server.port", value = "-1")
class ApplicationTest {
  @Inject EmbeddedServer server;

  @Test
  void aSignedDeliveryIsAcceptedOnceAndAForgedOneRefused() throws Exception {
    QuickStartCheck.github(
        URI.create("http://127.0.0.1:" + server.getPort() + "/hooks/github"),
        "dev-only-secret",
        202);
  }

  @Inject Application.StripeHandlers stripe;

  @Test
  void aStripeDeliveryIsAcknowledgedAtOnceAndHandledByTheWebhookHandler() throws Exception {
    TestDelivery invoice = TestDelivery.stripe("whsec_dev_only_secret");
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                invoice.toHttpRequest(
                    URI.create("http://127.0.0.1:" + server.getPort() + "/hooks/stripe")),
                HttpResponse.BodyHandlers.ofString());

    assertThat(r.statusCode()).isEqualTo(202);
    assertThat(stripe.handled.poll(20, TimeUnit.SECONDS)).isEqualTo(invoice.id());
  }
}

package io.webhookkit.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import io.webhookkit.jaxrs.app.ConformanceResource;
import io.webhookkit.test.ConformanceEndpoints;
import io.webhookkit.test.ConformanceHandler;
import io.webhookkit.test.TestDelivery;
import io.webhookkit.test.WebhookAdapterConformanceKit;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The conformance kit on Jersey 3.1 + Weld SE 5.1 on Grizzly over real HTTP, configured only by the
 * design's flat keys through a CDI producer of {@link WebhookSettings}.
 */
class JerseyWeldConformanceTest extends WebhookAdapterConformanceKit {
  private static JerseyWeldServer server;

  @BeforeAll
  static void start() {
    server = new JerseyWeldServer(Map.of(), ConformanceResource.class);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void aPathNamingNoConfiguredEndpointIsRefusedWith404() throws Exception {
    TestDelivery delivery = TestDelivery.github(ConformanceEndpoints.GITHUB_SECRET);
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                delivery.toHttpRequest(baseUri().resolve("/hooks/nobody")),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.body()).contains("\"reason\":\"unknown_endpoint\"");
    assertThat(ConformanceHandler.shared().callsFor(delivery.id())).isEmpty();
  }

  @Override
  protected URI baseUri() {
    return server.baseUri();
  }
}

package io.webhookkit.spring.actuator;

import static org.assertj.core.api.Assertions.assertThat;

import io.webhookkit.core.WebhookEvent;
import io.webhookkit.spring.WebhookEndpoint;
import io.webhookkit.test.TestDelivery;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** The Actuator endpoint {@code webhooks} and the store's health, over real HTTP. */
@SpringBootTest(
    classes = ActuatorTest.App.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "server.address=127.0.0.1",
      "webhook.endpoints.orders.provider=stripe",
      "webhook.endpoints.orders.secrets=whsec_old_value, whsec_new_value",
      "webhook.endpoints.orders.allowed-ips=127.0.0.1",
      "management.endpoints.web.exposure.include=webhooks,health",
      "management.endpoint.health.show-details=always",
      "spring.security.user.name=ops",
      "spring.security.user.password=secret-for-ops"
    })
class ActuatorTest {
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @SpringBootApplication
  static class App {
    /** The annotation on the class covers every handler method (tested here). */
    @RestController
    @WebhookEndpoint("orders")
    static class Hooks {
      @PostMapping("/hooks/orders")
      String orders(WebhookEvent event) {
        return "ok";
      }
    }
  }

  @Value("${local.server.port}")
  int port;

  private String get(String path) throws Exception {
    String basic =
        Base64.getEncoder().encodeToString("ops:secret-for-ops".getBytes(StandardCharsets.UTF_8));
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Authorization", "Basic " + basic)
            .build();
    HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return response.body();
  }

  @Test
  void theWebhooksEndpointListsEndpointsWithSecretLabelsAndActivityButNeverSecrets()
      throws Exception {
    URI hook = URI.create("http://127.0.0.1:" + port + "/hooks/orders");
    assertThat(
            CLIENT
                .send(
                    TestDelivery.stripe("whsec_new_value").toHttpRequest(hook),
                    HttpResponse.BodyHandlers.discarding())
                .statusCode())
        .isEqualTo(200);

    String body = get("/actuator/webhooks");

    assertThat(body)
        .contains("\"orders\"")
        .contains("\"provider\":\"stripe\"")
        .contains("secrets[0]", "secrets[1]")
        .contains("\"allowed-ips\":[\"127.0.0.1/32\"]")
        .contains("\"lastAccepted\"")
        .doesNotContain("whsec_old_value", "whsec_new_value");
  }

  @Test
  void theStoresHealthIsReported() throws Exception {
    String body = get("/actuator/health");
    int at = body.indexOf("\"webhookStore\":{");
    assertThat(at).as(body).isNotNegative();
    int depth = 0;
    int end = at + "\"webhookStore\":".length();
    do {
      char c = body.charAt(end++);
      depth += c == '{' ? 1 : c == '}' ? -1 : 0;
    } while (depth > 0);
    String component = body.substring(at, end);
    assertThat(component)
        .contains("\"status\":\"UP\"")
        .contains("\"store\":\"InMemoryIdempotencyStore\"");
  }
}

package io.webhookkit.spring.forward;

import static org.assertj.core.api.Assertions.assertThat;

import io.webhookkit.core.WebhookEvent;
import io.webhookkit.spring.WebhookEndpoint;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * A forward reaches a {@code @WebhookEndpoint} handler without passing the webhook filter; the
 * interceptor refuses it and the handler never runs.
 */
@SpringBootTest(
    classes = FailClosedInterceptorTest.App.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "server.address=127.0.0.1",
      "webhook.endpoints.orders.provider=github",
      "webhook.endpoints.orders.secrets=s3cr3t",
      "webhook.security.ignore-webhook-endpoints=true",
      "spring.security.user.name=u",
      "spring.security.user.password=p"
    })
class FailClosedInterceptorTest {
  static final AtomicInteger CALLS = new AtomicInteger();

  @SpringBootApplication
  static class App {
    @Controller
    static class Endpoints {
      @WebhookEndpoint("orders")
      @PostMapping("/hooks/orders")
      @ResponseBody
      String orders(WebhookEvent event) {
        CALLS.incrementAndGet();
        return "ok";
      }

      @PostMapping("/open")
      String open() {
        return "forward:/hooks/orders";
      }
    }

    @org.springframework.context.annotation.Bean
    org.springframework.security.web.SecurityFilterChain open(
        org.springframework.security.config.annotation.web.builders.HttpSecurity http)
        throws Exception {
      return http.authorizeHttpRequests(a -> a.anyRequest().permitAll())
          .csrf(c -> c.disable())
          .build();
    }
  }

  @Value("${local.server.port}")
  int port;

  @Test
  void aForwardToAWebhookHandlerIsRefusedWithoutRunningIt() throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/open"))
            .POST(HttpRequest.BodyPublishers.ofString("{}"))
            .header("Content-Type", "application/json")
            .build();
    HttpResponse<String> response =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .build()
            .send(request, HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    assertThat(response.body()).contains("\"reason\":\"signature_missing\"");
    assertThat(CALLS.get()).isZero();
  }
}

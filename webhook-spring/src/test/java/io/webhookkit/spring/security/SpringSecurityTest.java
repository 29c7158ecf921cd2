package io.webhookkit.spring.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.webhookkit.core.WebhookEvent;
import io.webhookkit.spring.WebhookEndpoint;
import io.webhookkit.test.TestDelivery;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * With Spring Security's defaults on (login and CSRF for everything), webhook endpoints are exempt
 * — they are authenticated by their signature — and nothing else is.
 */
@SpringBootTest(
    classes = SpringSecurityTest.SecuredApp.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "server.address=127.0.0.1",
      "webhook.endpoints.github.provider=github",
      "webhook.endpoints.github.secrets=s3cr3t",
      "spring.security.user.name=alice",
      "spring.security.user.password=wonderland"
    })
class SpringSecurityTest {
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @SpringBootApplication
  static class SecuredApp {
    @RestController
    static class Endpoints {
      @WebhookEndpoint("github")
      @PostMapping("/hooks/github")
      String hook(WebhookEvent event) {
        return "ok";
      }

      @PostMapping("/api/things")
      String things() {
        return "created";
      }
    }
  }

  @Value("${local.server.port}")
  int port;

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  @Test
  void aSignedWebhookPassesWithoutLoginOrCsrfToken() throws Exception {
    HttpResponse<String> r =
        CLIENT.send(
            TestDelivery.github("s3cr3t").toHttpRequest(uri("/hooks/github")),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
  }

  @Test
  void anUnsignedWebhookIsStillRefusedByTheGuard() throws Exception {
    HttpResponse<String> r =
        CLIENT.send(
            TestDelivery.github("s3cr3t").withoutSignature().toHttpRequest(uri("/hooks/github")),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(r.body()).contains("\"reason\":\"signature_missing\"");
  }

  @org.springframework.beans.factory.annotation.Autowired
  org.springframework.security.web.FilterChainProxy security;

  private java.util.List<jakarta.servlet.Filter> securityFiltersFor(String method, String path) {
    org.springframework.mock.web.MockHttpServletRequest request =
        new org.springframework.mock.web.MockHttpServletRequest(method, path);
    for (org.springframework.security.web.SecurityFilterChain chain : security.getFilterChains()) {
      if (chain.matches(request)) {
        return chain.getFilters();
      }
    }
    return java.util.List.of();
  }

  @Test
  void onlyWebhookEndpointsSkipSecurityCsrfAndLoginStayOnElsewhere() throws Exception {
    assertThat(securityFiltersFor("POST", "/hooks/github")).isEmpty();
    assertThat(securityFiltersFor("POST", "/api/things"))
        .anyMatch(f -> f instanceof org.springframework.security.web.csrf.CsrfFilter)
        .anyMatch(
            f ->
                f instanceof org.springframework.security.web.access.intercept.AuthorizationFilter);
    HttpRequest anonymous =
        HttpRequest.newBuilder(uri("/api/things"))
            .POST(HttpRequest.BodyPublishers.ofString("{}"))
            .build();
    assertThat(CLIENT.send(anonymous, HttpResponse.BodyHandlers.discarding()).statusCode())
        .isEqualTo(401);
  }
}

package io.webhookkit.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.webhookkit.spring.conformance.ConformanceApplication;
import io.webhookkit.test.ConformanceEndpoints;
import io.webhookkit.test.ManagementJson;
import io.webhookkit.test.WebhookAdapterConformanceKit;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.mock.web.MockHttpServletRequest;

/**
 * The conformance kit through a real Spring Boot application on embedded Tomcat, configured only by
 * {@code webhook.endpoints.*} properties (the same keys as every adapter). The application is
 * started once for the class, as a user starts it, rather than by Spring's test extension, so that
 * the kit's {@code @Nested} groups share it.
 */
class SpringBootConformanceTest extends WebhookAdapterConformanceKit {
  private static ConfigurableApplicationContext application;

  @BeforeAll
  static void start() {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("server.address", "127.0.0.1");
    properties.put("server.port", "0");
    ConformanceEndpoints.all()
        .forEach(
            (name, keys) ->
                keys.forEach(
                    (key, value) ->
                        properties.put("webhook.endpoints[" + name + "]." + key, value)));
    ConformanceEndpoints.INBOX_KEYS.forEach(properties::put);
    properties.put("management.endpoints.web.exposure.include", "webhooks,health");
    properties.put("spring.security.user.name", ConformanceApplication.ACTUATOR_USER);
    properties.put("spring.security.user.password", ConformanceApplication.ACTUATOR_PASSWORD);
    application =
        new SpringApplicationBuilder(ConformanceApplication.class).properties(properties).run();
  }

  @AfterAll
  static void stop() {
    application.close();
  }

  @Test
  void aPathNamingNoConfiguredEndpointIsRefusedWith404() throws Exception {
    assertAPathNamingNoConfiguredEndpointIsRefused();
  }

  @Test
  void anApplicationsOwnGetOnAWebhookPathIsLeftAloneAndOtherGetsAreLookedUpAsPost() {
    WebhookHandlerLookup lookup = application.getBean(WebhookHandlerLookup.class);
    MockHttpServletRequest ownGet = new MockHttpServletRequest("GET", "/hooks/github");
    MockHttpServletRequest handshake = new MockHttpServletRequest("GET", "/hooks/meta");
    MockHttpServletRequest unknown = new MockHttpServletRequest("POST", "/hooks/nobody");

    assertThat(lookup.endpointFor(ownGet)).isEmpty();
    assertThat(lookup.endpointFor(handshake))
        .contains(new WebhookHandlerLookup.Target("{name}", "meta"));
    assertThat(lookup.endpointFor(unknown))
        .contains(new WebhookHandlerLookup.Target("{name}", "nobody"));
  }

  private static final HttpClient CLIENT =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private HttpResponse<String> actuator(String method, String path, boolean authenticated)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(baseUri().resolve("/actuator/" + path))
            .header("Content-Type", "application/json")
            .method(
                method,
                method.equals("GET")
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString("{}"));
    if (authenticated) {
      String credentials =
          ConformanceApplication.ACTUATOR_USER + ":" + ConformanceApplication.ACTUATOR_PASSWORD;
      b.header(
          "Authorization",
          "Basic "
              + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }
    return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The dead deliveries' keys, read from Actuator's {@code webhooks} endpoint. */
  @Override
  protected List<String> deadDeliveries(String endpoint) throws Exception {
    HttpResponse<String> r = actuator("GET", "webhooks", true);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return ManagementJson.deadKeys(r.body(), endpoint);
  }

  /** Replays through Actuator's write operation, as an authenticated operator. */
  @Override
  protected int replayDead(String endpoint) throws Exception {
    HttpResponse<String> r = actuator("POST", "webhooks/" + endpoint, true);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return ManagementJson.replayed(r.body());
  }

  @Test
  void theInboxAndItsReplayAreActuatorsAndNeedAnAuthenticatedUser() throws Exception {
    assertThat(actuator("GET", "webhooks", false).statusCode()).isEqualTo(401);
    assertThat(actuator("POST", "webhooks/deferred", false).statusCode()).isEqualTo(401);
    HttpResponse<String> view = actuator("GET", "webhooks", true);
    assertThat(view.body())
        .contains("\"inbox\"")
        .contains("\"deferred\"")
        .contains("\"unhandled\"");
    HttpResponse<String> health = actuator("GET", "health", true);
    assertThat(health.body()).contains("UP");
  }

  @Override
  protected URI baseUri() {
    return URI.create(
        "http://127.0.0.1:" + application.getEnvironment().getProperty("local.server.port"));
  }
}

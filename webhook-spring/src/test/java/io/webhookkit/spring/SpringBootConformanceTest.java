package io.webhookkit.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.webhookkit.spring.conformance.ConformanceApplication;
import io.webhookkit.test.ConformanceEndpoints;
import io.webhookkit.test.WebhookAdapterConformanceKit;
import java.net.URI;
import java.util.LinkedHashMap;
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

  @Override
  protected URI baseUri() {
    return URI.create(
        "http://127.0.0.1:" + application.getEnvironment().getProperty("local.server.port"));
  }
}

package io.webhookkit.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.webhookkit.spring.conformance.ConformanceApplication;
import io.webhookkit.test.ConformanceEndpoints;
import io.webhookkit.test.WebhookAdapterConformanceKit;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The conformance kit through a real Spring Boot application on embedded Tomcat, configured only by
 * {@code webhook.endpoints.*} properties (the same keys as every adapter).
 */
@SpringBootTest(
    classes = ConformanceApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "server.address=127.0.0.1")
class SpringBootConformanceTest extends WebhookAdapterConformanceKit {
  @Value("${local.server.port}")
  int port;

  @DynamicPropertySource
  static void endpoints(DynamicPropertyRegistry registry) {
    ConformanceEndpoints.all()
        .forEach(
            (name, keys) ->
                keys.forEach(
                    (key, value) ->
                        registry.add("webhook.endpoints[" + name + "]." + key, () -> value)));
  }

  @Test
  void aPathNamingNoConfiguredEndpointIsRefusedWith404() throws Exception {
    assertAPathNamingNoConfiguredEndpointIsRefused();
  }

  @Autowired WebhookHandlerLookup lookup;

  @Test
  void anApplicationsOwnGetOnAWebhookPathIsLeftAloneAndOtherGetsAreLookedUpAsPost() {
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
    return URI.create("http://127.0.0.1:" + port);
  }
}

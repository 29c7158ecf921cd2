package io.webhookkit.micronaut;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.webhookkit.test.ConformanceEndpoints;
import io.webhookkit.test.ManagementJson;
import io.webhookkit.test.WebhookAdapterConformanceKit;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The conformance kit through a real Micronaut application on embedded Netty bound to 127.0.0.1,
 * configured only by {@code webhook.endpoints.*} properties (the same keys as every adapter).
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MicronautConformanceTest extends WebhookAdapterConformanceKit
    implements TestPropertyProvider {
  @Inject EmbeddedServer server;

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("test.conformance", "true");
    properties.put("micronaut.server.host", "127.0.0.1");
    properties.put("micronaut.server.port", "-1");
    ConformanceEndpoints.all()
        .forEach(
            (name, keys) ->
                keys.forEach(
                    (key, value) ->
                        properties.put("webhook.endpoints." + name + "." + key, value)));
    properties.putAll(ConformanceEndpoints.INBOX_KEYS);
    properties.put("endpoints.webhooks.sensitive", "false");
    return properties;
  }

  private static final HttpClient CLIENT =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  /** Through the {@code webhooks} management endpoint. */
  @Override
  protected List<String> deadDeliveries(String endpoint) throws Exception {
    HttpResponse<String> r =
        CLIENT.send(
            HttpRequest.newBuilder(baseUri().resolve("/webhooks")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return ManagementJson.deadKeys(r.body(), endpoint);
  }

  /** Through the {@code webhooks} management endpoint's write operation. */
  @Override
  protected int replayDead(String endpoint) throws Exception {
    HttpResponse<String> r =
        CLIENT.send(
            HttpRequest.newBuilder(baseUri().resolve("/webhooks/" + endpoint))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return ManagementJson.replayed(r.body());
  }

  @Test
  void aPathNamingNoConfiguredEndpointIsRefusedWith404() throws Exception {
    assertAPathNamingNoConfiguredEndpointIsRefused();
  }

  @Override
  protected URI baseUri() {
    return URI.create("http://127.0.0.1:" + server.getPort());
  }
}

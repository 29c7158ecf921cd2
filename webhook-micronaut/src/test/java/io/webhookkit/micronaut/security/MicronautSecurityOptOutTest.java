package io.webhookkit.micronaut.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.webhookkit.test.TestDelivery;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * {@code webhook.security.ignore-webhook-endpoints=false}: the kit adds no security rule, so a
 * verified delivery is the application's rules' to decide (here: secured by default, no login).
 */
@MicronautTest(propertySources = "classpath:secured-app.properties")
@Property(name = "webhook.security.ignore-webhook-endpoints", value = "false")
class MicronautSecurityOptOutTest {
  @Inject EmbeddedServer server;

  @Test
  void aVerifiedDeliveryIsLeftToTheApplicationsRules() throws Exception {
    TestDelivery github = TestDelivery.github(MicronautSecurityTest.SECRET);

    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                github.toHttpRequest(
                    URI.create(
                        "http://127.0.0.1:" + server.getPort() + "/secured-app/hooks/github")),
                HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(SecuredApp.SEEN).doesNotContain(github.id());
  }
}

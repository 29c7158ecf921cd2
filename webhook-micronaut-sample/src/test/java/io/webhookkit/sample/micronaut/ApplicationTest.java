package io.webhookkit.sample.micronaut;

import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.webhookkit.test.QuickStartCheck;
import jakarta.inject.Inject;
import java.net.URI;
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
}

package io.webhookkit.sample;

import io.webhookkit.test.QuickStartCheck;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

/** The README's quick start, as written, answers a real GitHub-signed delivery. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "server.address=127.0.0.1")
class SampleApplicationTest {
  @Value("${local.server.port}")
  int port;

  @Test
  void aSignedDeliveryIsAcceptedOnceAndAForgedOneRefused() throws Exception {
    QuickStartCheck.github(
        URI.create("http://127.0.0.1:" + port + "/hooks/github"), "dev-only-secret", 202);
  }
}

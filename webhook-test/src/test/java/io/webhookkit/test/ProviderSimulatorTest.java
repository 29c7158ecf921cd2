package io.webhookkit.test;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.webhookkit.core.Decision;
import io.webhookkit.core.EndpointConfig;
import io.webhookkit.core.WebhookGuard;
import io.webhookkit.core.WebhookRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The simulator against a real HTTP server (the JDK's) that verifies every attempt with the core
 * guard: it retries on 5xx and timeouts, keeps the id, re-signs validly each time, and logs it all.
 */
class ProviderSimulatorTest {
  private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
  private HttpServer server;
  private final WebhookGuard guard =
      WebhookGuard.of(
          EndpointConfig.builder("sw")
              .provider("standard-webhooks")
              .secrets(SECRET)
              .idempotencyEnabled(false)
              .build());
  private final List<String> ids = new CopyOnWriteArrayList<>();
  private final List<Boolean> verified = new CopyOnWriteArrayList<>();
  private final AtomicInteger attempt = new AtomicInteger();
  private final CountDownLatch releaseSlowAttempt = new CountDownLatch(1);
  private URI url;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    server.createContext("/hook", this::handle);
    server.start();
    url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook");
  }

  @AfterEach
  void stop() {
    releaseSlowAttempt.countDown();
    server.stop(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    byte[] body = exchange.getRequestBody().readAllBytes();
    WebhookRequest.Builder request = WebhookRequest.builder().remoteAddress("127.0.0.1").body(body);
    exchange
        .getRequestHeaders()
        .forEach((name, values) -> values.forEach(v -> request.header(name, v)));
    Decision decision = guard.inspect(request.build());
    verified.add(decision instanceof Decision.Proceed);
    ids.add(exchange.getRequestHeaders().getFirst("webhook-id"));
    int n = attempt.incrementAndGet();
    int status = n == 1 ? 503 : 200;
    if (n == 2) {
      try {
        releaseSlowAttempt.await(10, TimeUnit.SECONDS); // longer than the simulator waits
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    exchange.sendResponseHeaders(status, -1);
    exchange.close();
  }

  @Test
  void retriesOnServerErrorsAndTimeoutsWithTheSameIdReSignedEachTime() throws Exception {
    TestDelivery delivery = TestDelivery.standardWebhooks(SECRET);
    ProviderSimulator simulator =
        ProviderSimulator.builder()
            .schedule(RetrySchedule.exponential(Duration.ofMinutes(1), 4))
            .timeScale(0.0001)
            .timeout(Duration.ofSeconds(2)) // the slow attempt waits 10 s; others answer at once
            .build();

    ProviderSimulator.DeliveryLog log = simulator.deliver(url, delivery);

    assertThat(log.attempts())
        .extracting(ProviderSimulator.Attempt::status)
        .containsExactly(503, 0, 200);
    assertThat(log.attempts().get(1).error()).isEqualTo("timeout");
    assertThat(log.attempts())
        .extracting(ProviderSimulator.Attempt::delay)
        .containsExactly(Duration.ZERO, Duration.ofMinutes(1), Duration.ofMinutes(2));
    assertThat(log.delivered()).isTrue();
    assertThat(ids).containsOnly(delivery.id()).hasSize(3);
    assertThat(verified).containsOnly(true);
  }

  @Test
  void theCommandLineSenderSignsLikeTheProvider() throws Exception {
    Path payload = Files.createTempFile(Path.of("target"), "payload", ".json");
    Files.writeString(payload, "{\"type\":\"user.created\",\"data\":{}}");
    attempt.set(5); // every attempt answers 200
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    int exit =
        Send.run(
            new String[] {
              "--provider",
              "standard-webhooks",
              "--secret",
              SECRET,
              "--url",
              url.toString(),
              "--event",
              "user.created",
              payload.toString()
            },
            new PrintStream(out, true, StandardCharsets.UTF_8));

    assertThat(exit).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("attempt 1 after PT0S: 200")
        .contains("delivered msg_");
    assertThat(verified).containsExactly(true);
  }

  @Test
  void theSenderExplainsMissingArguments() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThat(
            Send.run(
                new String[] {"--provider", "github"},
                new PrintStream(out, true, StandardCharsets.UTF_8)))
        .isEqualTo(2);
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("usage: send");
  }
}

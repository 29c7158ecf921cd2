package io.webhookkit.micronaut;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.webhookkit.micronaut.app.PathHandlers;
import io.webhookkit.test.TestDelivery;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code @WebhookHandler} on a real Micronaut application without a controller: the kit serves each
 * endpoint's {@code path}; sync deliveries are answered 200 (500 when the handler throws, then the
 * retry is handled), unhandled types 200, deferred ones 202 and handled on Micronaut's blocking
 * executor.
 */
@MicronautTest
@Property(name = "test.handlers", value = "true")
@Property(name = "micronaut.server.host", value = "127.0.0.1")
@Property(name = "micronaut.server.port", value = "-1")
@Property(name = "webhook.inbox.poll", value = "50ms")
@Property(name = "webhook.endpoints.github.provider", value = "github")
@Property(name = "webhook.endpoints.github.secrets", value = MicronautHandlerTest.SECRET)
@Property(name = "webhook.endpoints.github.path", value = "/webhooks/github")
@Property(name = "webhook.endpoints.slack.provider", value = "slack")
@Property(name = "webhook.endpoints.slack.secrets", value = MicronautHandlerTest.SECRET)
@Property(name = "webhook.endpoints.slack.path", value = "/webhooks/slack")
@Property(name = "webhook.endpoints.stripe.provider", value = "stripe")
@Property(name = "webhook.endpoints.stripe.secrets", value = MicronautHandlerTest.SECRET)
@Property(name = "webhook.endpoints.stripe.path", value = "/webhooks/stripe")
@Property(name = "webhook.endpoints.stripe.processing", value = "deferred")
class MicronautHandlerTest {
  static final String SECRET = "micronaut-handler-secret";
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @Inject EmbeddedServer server;

  private HttpResponse<String> post(String path, TestDelivery delivery) throws Exception {
    return CLIENT.send(
        delivery.toHttpRequest(URI.create("http://127.0.0.1:" + server.getPort() + path)),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aSyncDeliveryAtTheKitsPathReachesItsHandlerWithThePayloadBound() throws Exception {
    TestDelivery push = TestDelivery.github(SECRET);

    assertThat(post("/webhooks/github", push).statusCode()).isEqualTo(200);
    assertThat(PathHandlers.SEEN).anyMatch(s -> s.startsWith("push " + push.id() + " ["));
    assertThat(post("/webhooks/github", push).statusCode()).as("a duplicate").isEqualTo(200);
    assertThat(PathHandlers.SEEN).filteredOn(s -> s.startsWith("push " + push.id())).hasSize(1);
    assertThat(post("/webhooks/github", push.withWrongSecret()).statusCode()).isEqualTo(401);
  }

  @Test
  void aThrowingHandlerIsAnswered500AndTheRetryIsHandled() throws Exception {
    TestDelivery issue = TestDelivery.github(SECRET).withEventType("issues");
    PathHandlers.FAILURES.set(1);

    assertThat(post("/webhooks/github", issue).statusCode()).isEqualTo(500);
    assertThat(post("/webhooks/github", issue).statusCode()).isEqualTo(200);
    assertThat(PathHandlers.SEEN).contains("issues " + issue.id());
  }

  @Test
  void aFormBodyBindsToConvertibleMultiValues() throws Exception {
    HttpResponse<String> slack = post("/webhooks/slack", TestDelivery.slackCommand(SECRET));
    assertThat(slack.statusCode()).as(slack.body()).isEqualTo(200);
    assertThat(PathHandlers.SEEN).anyMatch(s -> s.startsWith("command /"));
  }

  @Test
  void anEventNoHandlerTakesIsAnswered200() throws Exception {
    TestDelivery star = TestDelivery.github(SECRET).withEventType("star");

    assertThat(post("/webhooks/github", star).statusCode()).isEqualTo(200);
    assertThat(PathHandlers.SEEN).noneMatch(s -> s.contains(star.id()));
  }

  @Test
  void aDeferredDeliveryIsAcknowledgedAndHandledOnTheBlockingExecutor() throws Exception {
    TestDelivery invoice = TestDelivery.stripe(SECRET);

    assertThat(post("/webhooks/stripe", invoice).statusCode()).isEqualTo(202);
    String run = PathHandlers.INVOICES.poll(20, TimeUnit.SECONDS);
    assertThat(run).startsWith(invoice.id() + " ");
    // The kit's own pool names its threads webhook-worker-N; Micronaut's executor does not.
    assertThat(run).doesNotContain("webhook-worker-");
  }
}

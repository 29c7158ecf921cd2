package io.webhookkit.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import io.webhookkit.core.Outcome;
import io.webhookkit.core.WebhookAttempt;
import io.webhookkit.jaxrs.app.AppResource;
import io.webhookkit.jaxrs.app.Attempts;
import io.webhookkit.jaxrs.app.Observers;
import io.webhookkit.test.BindingCheck;
import io.webhookkit.test.TestDelivery;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A class-level {@code @WebhookEndpoint} resource on Jersey + Weld SE: entities and form fields
 * still bind, {@code @Inject WebhookEvent} works, qualified CDI observers receive their endpoint's
 * events, and a resource that fails — with a mapped or an unmapped exception — gets its delivery
 * released so that the provider's retry is processed.
 */
class JaxrsApplicationTest {
  private static final String SECRET = "jaxrs-app-secret";
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private static JerseyWeldServer server;

  @BeforeAll
  static void start() {
    server =
        new JerseyWeldServer(
            Map.of(
                "webhook.endpoints.github.provider",
                "github",
                "webhook.endpoints.github.secrets",
                SECRET,
                "webhook.endpoints.slack.provider",
                "slack",
                "webhook.endpoints.slack.secrets",
                SECRET),
            AppResource.class);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static HttpResponse<String> post(String path, TestDelivery delivery) throws Exception {
    return CLIENT.send(
        delivery.toHttpRequest(server.baseUri().resolve(path)),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  @Test
  void theEntityBindsAsAMapAPojoAndAStringAndTheEventIsInjected() throws Exception {
    BindingCheck.mapPojoAndStringBind(server.baseUri(), SECRET, AppResource.SEEN);
  }

  @Test
  void formParamsBindAndTheMethodsAnnotationOverridesTheClasss() throws Exception {
    TestDelivery command = TestDelivery.slackCommand(SECRET);

    assertThat(post("/app/slack", command).statusCode()).isEqualTo(200);

    assertThat(AppResource.SEEN).contains("command " + command.id() + " [/deploy] now please");
  }

  @Test
  void qualifiedObserversReceiveOnlyTheirEndpointsEventsAndUnqualifiedOnesAll() throws Exception {
    TestDelivery push = TestDelivery.github(SECRET);
    TestDelivery command = TestDelivery.slackCommand(SECRET);

    post("/app/string", push);
    post("/app/slack", command);

    assertThat(Observers.RECEIVED)
        .contains(
            "github-observer " + push.id(),
            "any-observer github " + push.id(),
            "slack-observer " + command.id(),
            "any-observer slack " + command.id())
        .doesNotContain("slack-observer " + push.id(), "github-observer " + command.id());
  }

  @Test
  void aForgedDeliveryIsRefusedAndNeitherTheResourceNorAnObserverSeesIt() throws Exception {
    TestDelivery forged = TestDelivery.github("not-the-secret");

    HttpResponse<String> response = post("/app/string", forged);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(response.body()).contains("\"reason\":\"signature_invalid\"");
    assertThat(AppResource.SEEN).noneMatch(s -> s.contains(forged.id()));
    assertThat(Observers.RECEIVED).noneMatch(s -> s.contains(forged.id()));
  }

  @Test
  void aMappedFailureReleasesTheDeliveryAndTheRetryIsProcessed() throws Exception {
    TestDelivery delivery = TestDelivery.github(SECRET);
    AppResource.FAILURES.set(1);

    assertThat(post("/app/mapped-failure", delivery).statusCode()).isEqualTo(503);
    assertThat(post("/app/mapped-failure", delivery).statusCode()).isEqualTo(202);
    assertThat(post("/app/mapped-failure", delivery).statusCode()).isEqualTo(202);

    assertThat(AppResource.SEEN)
        .filteredOn(s -> s.equals("mapped-failure " + delivery.id()))
        .hasSize(2);
  }

  @Test
  void anUnmappedFailureReleasesTheDeliveryWhenTheRequestEnds() throws Exception {
    TestDelivery delivery = TestDelivery.github(SECRET);
    AppResource.FAILURES.set(1);

    assertThat(post("/app/unmapped-failure", delivery).statusCode()).isEqualTo(500);
    WebhookAttempt failed = Attempts.ALL.poll(10, TimeUnit.SECONDS);
    while (failed != null
        && !(failed.outcome() == Outcome.FAILED && delivery.id().equals(failed.deliveryId()))) {
      failed = Attempts.ALL.poll(10, TimeUnit.SECONDS);
    }
    assertThat(failed).as("the delivery was released").isNotNull();
    assertThat(post("/app/unmapped-failure", delivery).statusCode()).isEqualTo(202);

    assertThat(AppResource.SEEN)
        .filteredOn(s -> s.equals("unmapped-failure " + delivery.id()))
        .hasSize(2);
  }
}

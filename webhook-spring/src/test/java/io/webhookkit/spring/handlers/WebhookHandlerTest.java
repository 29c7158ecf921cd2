package io.webhookkit.spring.handlers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.webhookkit.core.WebhookConfigurationException;
import io.webhookkit.core.WebhookEvent;
import io.webhookkit.core.idempotency.IdempotencyStore;
import io.webhookkit.core.idempotency.InMemoryIdempotencyStore;
import io.webhookkit.spring.WebhookHandler;
import io.webhookkit.test.SettableClock;
import io.webhookkit.test.TestDelivery;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.task.TaskDecorator;
import org.springframework.util.MultiValueMap;

/**
 * {@code @WebhookHandler} on a real Spring Boot application (Spring Security on the class path, its
 * defaults on): a whole receiver is configuration plus annotated methods, the kit serving each
 * endpoint's {@code path}; payload binding; sync answers; the worker pool's decorator and virtual
 * threads; and a failed start-up, naming the method, for each misuse.
 */
class WebhookHandlerTest {
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private static final String GITHUB = "handler-test-github";
  private static final String STRIPE = "whsec_handler_test";
  private static final String SLACK = "handler-test-slack-signing-secret";

  /** What the handlers saw. */
  static final List<String> SEEN = Collections.synchronizedList(new ArrayList<>());

  static final CompletableFuture<String> DEFERRED_CONTEXT = new CompletableFuture<>();
  static final AtomicInteger FAILURES = new AtomicInteger();
  static final ThreadLocal<String> CONTEXT = new ThreadLocal<>();

  /** A push as the application's JSON mapper binds it. */
  record Push(String ref, Map<String, Object> repository) {}

  static class Handlers {
    @WebhookHandler(endpoint = "github", events = "push")
    void push(WebhookEvent event, Map<String, Object> payload) {
      SEEN.add("push " + event.deliveryId().orElseThrow() + " " + payload.keySet());
    }

    @WebhookHandler(endpoint = "github", events = "issues")
    void issues(WebhookEvent event) {
      if (FAILURES.getAndDecrement() > 0) {
        throw new IllegalStateException("issues handler fails on purpose");
      }
      SEEN.add("issues " + event.deliveryId().orElseThrow());
    }

    @WebhookHandler(endpoint = "slack")
    void command(MultiValueMap<String, String> form) {
      SEEN.add("command " + form.getFirst("command"));
    }

    @WebhookHandler(endpoint = "stripe", events = "invoice.*")
    void invoice(String body, WebhookEvent event) {
      DEFERRED_CONTEXT.complete(
          CONTEXT.get() + " " + event.eventType().orElseThrow() + " " + body.contains("\"id\""));
    }
  }

  @SpringBootConfiguration
  @EnableAutoConfiguration
  @Import(Handlers.class)
  static class Receiver {
    /** The application's decorator: carries a context onto the worker thread. */
    @Bean
    TaskDecorator contextDecorator() {
      return run ->
          () -> {
            CONTEXT.set("decorated");
            try {
              run.run();
            } finally {
              CONTEXT.remove();
            }
          };
    }
  }

  private static ConfigurableApplicationContext receiver;

  private static SpringApplicationBuilder app(Class<?> type, String... properties) {
    List<String> all = new ArrayList<>(List.of(properties));
    all.addAll(List.of("server.port=0", "server.address=127.0.0.1", "spring.main.banner-mode=off"));
    return new SpringApplicationBuilder(type).properties(all.toArray(String[]::new));
  }

  @BeforeAll
  static void start() {
    receiver =
        app(
                Receiver.class,
                "webhook.endpoints.github.provider=github",
                "webhook.endpoints.github.secrets=" + GITHUB,
                "webhook.endpoints.github.path=/webhooks/github",
                "webhook.endpoints.slack.provider=slack",
                "webhook.endpoints.slack.secrets=" + SLACK,
                "webhook.endpoints.slack.path=/webhooks/slack",
                "webhook.endpoints.stripe.provider=stripe",
                "webhook.endpoints.stripe.secrets=" + STRIPE,
                "webhook.endpoints.stripe.path=/webhooks/stripe",
                "webhook.endpoints.stripe.processing=deferred",
                "webhook.inbox.poll=50ms")
            .run();
  }

  @AfterAll
  static void stop() {
    receiver.close();
  }

  private static URI uri(String path) {
    return URI.create(
        "http://127.0.0.1:" + receiver.getEnvironment().getProperty("local.server.port") + path);
  }

  private static HttpResponse<String> post(String path, TestDelivery delivery) throws Exception {
    return CLIENT.send(delivery.toHttpRequest(uri(path)), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aSyncDeliveryAtTheKitsPathReachesItsHandlerWithThePayloadBoundAndIsAnswered200()
      throws Exception {
    TestDelivery push = TestDelivery.github(GITHUB);

    HttpResponse<String> r = post("/webhooks/github", push);

    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(SEEN).anyMatch(s -> s.startsWith("push " + push.id() + " ["));
    assertThat(post("/webhooks/github", push).statusCode()).as("a duplicate").isEqualTo(200);
    assertThat(SEEN).filteredOn(s -> s.startsWith("push " + push.id())).hasSize(1);
  }

  @Test
  void aForgedDeliveryAtTheKitsPathIsRefusedAndSpringSecurityLeavesThePathToTheGuard()
      throws Exception {
    HttpResponse<String> r =
        post("/webhooks/github", TestDelivery.github(GITHUB).withWrongSecret());

    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(r.body()).contains("\"reason\":\"signature_invalid\"");
  }

  @Test
  void aThrowingSyncHandlerIsAnswered500AndTheProvidersRetryIsHandled() throws Exception {
    TestDelivery issue = TestDelivery.github(GITHUB).withEventType("issues");
    FAILURES.set(1);

    assertThat(post("/webhooks/github", issue).statusCode()).isEqualTo(500);
    assertThat(post("/webhooks/github", issue).statusCode()).isEqualTo(200);
    assertThat(SEEN).contains("issues " + issue.id());
  }

  @Test
  void anEventNoHandlerTakesIsAnswered200WithoutAHandler() throws Exception {
    TestDelivery star = TestDelivery.github(GITHUB).withEventType("star");

    assertThat(post("/webhooks/github", star).statusCode()).isEqualTo(200);
    assertThat(SEEN).noneMatch(s -> s.contains(star.id()));
  }

  @Test
  void aFormBodyBindsToAMultiValueMap() throws Exception {
    HttpResponse<String> r = post("/webhooks/slack", TestDelivery.slackCommand(SLACK));

    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(SEEN).anyMatch(s -> s.startsWith("command /"));
  }

  @Test
  void aDeferredDeliveryIsAcknowledgedAndHandledOnAWorkerWithTheApplicationsDecorator()
      throws Exception {
    HttpResponse<String> r = post("/webhooks/stripe", TestDelivery.stripe(STRIPE));

    assertThat(r.statusCode()).isEqualTo(202);
    assertThat(DEFERRED_CONTEXT.get(20, TimeUnit.SECONDS)).isEqualTo("decorated invoice.paid true");
  }

  // --- virtual threads ---

  static final CompletableFuture<Boolean> VIRTUAL = new CompletableFuture<>();

  static class VirtualHandler {
    @WebhookHandler(endpoint = "stripe")
    void any(WebhookEvent event) throws Exception {
      Thread t = Thread.currentThread();
      VIRTUAL.complete((Boolean) Thread.class.getMethod("isVirtual").invoke(t));
    }
  }

  @SpringBootConfiguration
  @EnableAutoConfiguration
  @Import(VirtualHandler.class)
  static class VirtualReceiver {}

  @Test
  void withSpringsVirtualThreadsOnTheWorkersAreVirtual() throws Exception {
    assumeTrue(Runtime.version().feature() >= 21, "virtual threads need Java 21");
    try (ConfigurableApplicationContext app =
        app(
                VirtualReceiver.class,
                "spring.threads.virtual.enabled=true",
                "webhook.endpoints.stripe.provider=stripe",
                "webhook.endpoints.stripe.secrets=" + STRIPE,
                "webhook.endpoints.stripe.path=/webhooks/stripe",
                "webhook.endpoints.stripe.processing=deferred",
                "webhook.inbox.poll=50ms")
            .run()) {
      URI target =
          URI.create(
              "http://127.0.0.1:"
                  + app.getEnvironment().getProperty("local.server.port")
                  + "/webhooks/stripe");
      HttpResponse<String> r =
          CLIENT.send(
              TestDelivery.stripe(STRIPE).toHttpRequest(target),
              HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).isEqualTo(202);
      assertThat(VIRTUAL.get(20, TimeUnit.SECONDS)).isTrue();
    }
  }

  // --- inbox health ---

  static final CountDownLatch BUSY = new CountDownLatch(1);
  static final CountDownLatch ENTERED = new CountDownLatch(1);

  static class SlowHandler {
    @WebhookHandler(endpoint = "stripe")
    void any(WebhookEvent event) throws InterruptedException {
      ENTERED.countDown();
      BUSY.await(30, TimeUnit.SECONDS);
    }
  }

  @SpringBootConfiguration
  @EnableAutoConfiguration
  @Import(SlowHandler.class)
  static class SlowReceiver {
    /** The application's own store, on the test's clock (the auto-configured one backs off). */
    @Bean
    IdempotencyStore webhookIdempotencyStore() {
      return InMemoryIdempotencyStore.create(STORE_CLOCK, 1_000);
    }
  }

  static final SettableClock STORE_CLOCK = new SettableClock(Instant.now());

  @Test
  void theInboxHealthTurnsDownWhenTheOldestDueDeliveryWaitsPastTheThreshold() throws Exception {
    try (ConfigurableApplicationContext app =
        app(
                SlowReceiver.class,
                "webhook.endpoints.stripe.provider=stripe",
                "webhook.endpoints.stripe.secrets=" + STRIPE,
                "webhook.endpoints.stripe.path=/webhooks/stripe",
                "webhook.endpoints.stripe.processing=deferred",
                "webhook.inbox.workers=1",
                "webhook.inbox.poll=50ms",
                "webhook.inbox.health-oldest-due=200ms",
                "management.endpoint.health.show-details=always")
            .run()) {
      String base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
      HttpResponse<String> up =
          CLIENT.send(
              java.net.http.HttpRequest.newBuilder(URI.create(base + "/actuator/health")).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(inboxHealth(up.body())).contains("\"status\":\"UP\"");
      for (int i = 0; i < 2; i++) {
        CLIENT.send(
            TestDelivery.stripe(STRIPE).toHttpRequest(URI.create(base + "/webhooks/stripe")),
            HttpResponse.BodyHandlers.ofString());
      }
      // The only worker is busy with the first: the second waits, due, past the threshold.
      assertThat(ENTERED.await(20, TimeUnit.SECONDS)).isTrue();
      STORE_CLOCK.advance(Duration.ofSeconds(10)); // within the first one's 60 s lease
      HttpResponse<String> down =
          CLIENT.send(
              java.net.http.HttpRequest.newBuilder(URI.create(base + "/actuator/health")).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(down.statusCode()).isEqualTo(503);
      assertThat(inboxHealth(down.body()))
          .contains("\"status\":\"DOWN\"")
          .contains("waited longer than");
      BUSY.countDown();
    }
  }

  @Test
  void theHealthThresholdsDefaultIsTheCores() {
    assertThat(new io.webhookkit.spring.WebhookProperties().getInbox().getHealthOldestDue())
        .isEqualTo(io.webhookkit.core.WebhookWorkers.DEFAULT_HEALTH_OLDEST_DUE);
  }

  /** The {@code webhookInbox} component of a health answer (components are sorted by name). */
  private static String inboxHealth(String body) {
    int start = body.indexOf("\"webhookInbox\":");
    int end = body.indexOf("\"webhookStore\":", start);
    assertThat(start).as(body).isNotNegative();
    return body.substring(start, end < 0 ? body.length() : end);
  }

  // --- start-up failures ---

  private static WebhookConfigurationException startUpFailure(Class<?> app, String... properties) {
    Throwable failure = catchThrowable(() -> app(app, properties).run().close());
    Throwable cause = failure;
    while (cause != null && !(cause instanceof WebhookConfigurationException)) {
      cause = cause.getCause();
    }
    assertThat(cause).as("%s", failure).isInstanceOf(WebhookConfigurationException.class);
    return (WebhookConfigurationException) cause;
  }

  static class Unconfigured {
    @WebhookHandler(endpoint = "gitlab")
    void onGitLab(WebhookEvent event) {}
  }

  @SpringBootConfiguration
  @EnableAutoConfiguration
  @Import(Unconfigured.class)
  static class UnconfiguredApp {}

  @Test
  void aHandlerNamingAnUnconfiguredEndpointFailsStartUpNamingTheMethod() {
    assertThat(startUpFailure(UnconfiguredApp.class))
        .hasMessageContaining("'gitlab'")
        .hasMessageContaining("Unconfigured.onGitLab")
        .hasMessageContaining("webhook.endpoints.gitlab is not configured");
  }

  static class TwoForPush {
    @WebhookHandler(
        endpoint = "github",
        events = {"push", "issues"})
    void first(WebhookEvent event) {}

    @WebhookHandler(endpoint = "github", events = "push")
    void second(WebhookEvent event) {}
  }

  @SpringBootConfiguration
  @EnableAutoConfiguration
  @Import(TwoForPush.class)
  static class TwoForPushApp {}

  @Test
  void twoHandlersTakingTheSameEventFailStartUpNamingBoth() {
    assertThat(
            startUpFailure(
                TwoForPushApp.class,
                "webhook.endpoints.github.provider=github",
                "webhook.endpoints.github.secrets=" + GITHUB))
        .hasMessageContaining("'push' is taken by two handlers")
        .hasMessageContaining("TwoForPush.first")
        .hasMessageContaining("TwoForPush.second");
  }

  static class Unbindable {
    @WebhookHandler(endpoint = "github")
    void onEvent(WebhookEvent event, HttpServletRequest request) {}
  }

  @SpringBootConfiguration
  @EnableAutoConfiguration
  @Import(Unbindable.class)
  static class UnbindableApp {}

  @Test
  void aParameterTheKitCannotBindFailsStartUpNamingTheMethod() {
    assertThat(
            startUpFailure(
                UnbindableApp.class,
                "webhook.endpoints.github.provider=github",
                "webhook.endpoints.github.secrets=" + GITHUB))
        .hasMessageContaining("Unbindable.onEvent")
        .hasMessageContaining("HttpServletRequest")
        .hasMessageContaining("cannot be bound");
  }

  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class NoHandlerApp {}

  @Test
  void aDeferredEndpointNoHandlerNamesFailsStartUp() {
    assertThat(
            startUpFailure(
                NoHandlerApp.class,
                "webhook.endpoints.stripe.provider=stripe",
                "webhook.endpoints.stripe.secrets=" + STRIPE,
                "webhook.endpoints.stripe.processing=deferred"))
        .hasMessageContaining("'stripe'")
        .hasMessageContaining("key 'processing'")
        .hasMessageContaining("names endpoint 'stripe'");
  }

  @Test
  void aDeadlineOfAutoIsBoundFromSpringsDurationFormat() {
    assertThat(
            startUpFailure(
                NoHandlerApp.class,
                "webhook.endpoints.github.provider=github",
                "webhook.endpoints.github.secrets=" + GITHUB,
                "webhook.endpoints.github.processing=auto",
                "webhook.endpoints.github.deadline=-2s"))
        .hasMessageContaining("key 'deadline'")
        .hasMessageContaining("must be positive");
  }
}

package io.webhookkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.webhookkit.core.adapter.EndpointHandlers;
import io.webhookkit.core.idempotency.InMemoryIdempotencyStore;
import io.webhookkit.core.inbox.DeadEntry;
import io.webhookkit.core.inbox.DeliveryState;
import io.webhookkit.core.inbox.InboxStats;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Deferred and auto processing in the core, on the in-memory inbox with the system clock: the
 * answer leaves before the handler runs, failures are retried on the schedule and then dead,
 * replays, the deadline of auto, graceful shutdown. Waits are latches, never sleeps; the schedules
 * are milliseconds long.
 */
class DeferredProcessingTest {
  private final InMemoryIdempotencyStore store =
      InMemoryIdempotencyStore.create(Clock.systemUTC(), 1000);
  private final List<WebhookWorkers> pools = new ArrayList<>();
  private final List<String> outcomes = Collections.synchronizedList(new ArrayList<>());

  @AfterEach
  void closePools() {
    pools.forEach(WebhookWorkers::close);
  }

  private WebhookWorkers workers(Duration grace) {
    WebhookWorkers w =
        WebhookWorkers.builder(store)
            .workers(2)
            .poll(Duration.ofMillis(20))
            .shutdownGrace(grace)
            .listener((endpoint, outcome, duration) -> outcomes.add(outcome))
            .build();
    pools.add(w);
    w.start();
    return w;
  }

  private static Delivery github() {
    return Delivery.github();
  }

  private WebhookGuard guard(
      WebhookWorkers w, WebhookHandler h, Consumer<EndpointConfig.Builder> tweak) {
    EndpointConfig.Builder b =
        EndpointConfig.builder("gh").provider("github").secrets(Delivery.SECRET);
    tweak.accept(b);
    return WebhookGuard.builder(b.build()).idempotencyStore(store).workers(w).handler(h).build();
  }

  private static Decision.Respond respond(WebhookGuard g, Delivery d) {
    Decision decision = g.inspect(d.request());
    assertThat(decision).isInstanceOf(Decision.Respond.class);
    return (Decision.Respond) decision;
  }

  @Test
  void aDeferredDeliveryIsAnsweredBeforeItsHandlerRunsAndHandledFromTheInbox() throws Exception {
    CountDownLatch answered = new CountDownLatch(1);
    CompletableFuture<WebhookEvent> handled = new CompletableFuture<>();
    WebhookWorkers w = workers(Duration.ofSeconds(5));
    WebhookGuard g =
        guard(
            w,
            event -> {
              answered.await();
              handled.complete(event);
            },
            b -> b.processing(Processing.DEFERRED));
    Delivery d = github();
    Decision.Respond r = respond(g, d);
    assertThat(r.status()).isEqualTo(202);
    assertThat(r.outcome()).isEqualTo(Outcome.QUEUED);
    assertThat(r.headers()).containsEntry("Webhook-Delivery-State", "queued");
    assertThat(handled).isNotDone();
    answered.countDown();
    WebhookEvent event = handled.get(10, TimeUnit.SECONDS);
    assertThat(event.body()).isEqualTo(d.request().body());
    assertThat(event.deliveryId()).isEqualTo(d.request().header("X-GitHub-Delivery"));
    assertThat(event.eventType()).contains("pull_request");
    assertThat(event.secretLabel()).isEqualTo("secrets[0]");
    assertThat(event.headers().first("X-GitHub-Event")).contains("pull_request");
    assertThat(event.endpoint()).isEqualTo("gh");
    awaitOutcome("completed");
    Decision.Respond duplicate = respond(g, d);
    assertThat(duplicate.status()).isEqualTo(200);
    assertThat(duplicate.outcome()).isEqualTo(Outcome.DUPLICATE);
  }

  private void awaitOutcome(String outcome) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!outcomes.contains(outcome)) {
      assertThat(System.nanoTime()).as("waiting for " + outcome).isLessThan(deadline);
      synchronized (outcomes) {
        outcomes.wait(10);
      }
    }
  }

  @Test
  void aFailingHandlerIsRetriedOnTheScheduleThenDeadWithItsErrorAndCanBeReplayed()
      throws Exception {
    AtomicInteger calls = new AtomicInteger();
    CountDownLatch replayed = new CountDownLatch(1);
    AtomicInteger failUntil = new AtomicInteger(3);
    WebhookWorkers w = workers(Duration.ofSeconds(5));
    WebhookGuard g =
        guard(
            w,
            event -> {
              if (calls.incrementAndGet() <= failUntil.get()) {
                throw new IllegalStateException("downstream refused " + Delivery.SECRET);
              }
              replayed.countDown();
            },
            b -> b.processing(Processing.DEFERRED).retrySchedule("10ms,20ms").retryMaxAttempts(3));
    assertThat(respond(g, github()).status()).isEqualTo(202);
    awaitOutcome("dead");
    assertThat(calls).hasValue(3);
    assertThat(outcomes).containsSubsequence("retry", "retry", "dead");
    List<DeadEntry> dead = w.dead("gh", 10);
    assertThat(dead).hasSize(1);
    assertThat(dead.get(0).attempts()).isEqualTo(3);
    assertThat(dead.get(0).lastError())
        .isEqualTo("java.lang.IllegalStateException: downstream refused ****");
    assertThat(w.describe().toString()).contains("deadDeliveries").doesNotContain(Delivery.SECRET);
    assertThat(w.replay(dead.get(0).key())).isTrue();
    assertThat(replayed.await(10, TimeUnit.SECONDS)).isTrue();
    awaitOutcome("completed");
    assertThat(store.stats("gh")).isEqualTo(InboxStats.EMPTY);
  }

  @Test
  void autoAnswersWithTheHandlersResultWithinTheDeadline() throws Exception {
    List<String> threads = Collections.synchronizedList(new ArrayList<>());
    WebhookWorkers w = workers(Duration.ofSeconds(5));
    WebhookGuard g =
        guard(
            w,
            event -> threads.add(Thread.currentThread().getName()),
            b -> b.processing(Processing.AUTO).deadline(Duration.ofSeconds(5)));
    Decision.Respond r = respond(g, github());
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.outcome()).isEqualTo(Outcome.ACCEPTED);
    assertThat(r.headers()).containsEntry("Webhook-Delivery-State", "completed");
    assertThat(threads).singleElement().asString().startsWith("webhook-worker-");
  }

  @Test
  void autoAnswersTheAckStatusAtTheDeadlineAndTheHandlerFinishesAfterwards() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch finished = new CountDownLatch(1);
    WebhookWorkers w = workers(Duration.ofSeconds(5));
    WebhookGuard g =
        guard(
            w,
            event -> {
              release.await();
              finished.countDown();
            },
            b -> b.processing(Processing.AUTO).deadline(Duration.ofMillis(50)));
    Delivery d = github();
    Decision.Respond r = respond(g, d);
    assertThat(r.status()).isEqualTo(202);
    assertThat(r.outcome()).isEqualTo(Outcome.QUEUED);
    assertThat(r.headers()).containsEntry("Webhook-Delivery-State", "processing");
    Decision.Respond retry = respond(g, d);
    assertThat(retry.status()).isEqualTo(202);
    assertThat(retry.headers()).containsEntry("Webhook-Delivery-State", "processing");
    release.countDown();
    assertThat(finished.await(10, TimeUnit.SECONDS)).isTrue();
    awaitOutcome("completed");
    assertThat(respond(g, d).status()).isEqualTo(200);
  }

  @Test
  void autoAnswersTheAckStatusWhenTheHandlerFailsInTimeAndTheWorkersRetryIt() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    WebhookWorkers w = workers(Duration.ofSeconds(5));
    WebhookGuard g =
        guard(
            w,
            event -> {
              if (calls.incrementAndGet() == 1) {
                throw new java.io.IOException("first try fails");
              }
            },
            b -> b.processing(Processing.AUTO).retrySchedule("10ms"));
    Decision.Respond r = respond(g, github());
    assertThat(r.status()).isEqualTo(202);
    assertThat(r.headers()).containsEntry("Webhook-Delivery-State", "retrying");
    awaitOutcome("completed");
    assertThat(calls).hasValue(2);
  }

  @Test
  void shutdownLetsARunningHandlerFinishWithinTheGrace() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    WebhookWorkers w = workers(Duration.ofSeconds(10));
    WebhookGuard g =
        guard(
            w,
            event -> {
              started.countDown();
              release.await();
            },
            b -> b.processing(Processing.DEFERRED));
    respond(g, github());
    assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
    CompletableFuture<Void> closed = CompletableFuture.runAsync(w::close);
    assertThat(closed).isNotDone();
    release.countDown();
    closed.get(10, TimeUnit.SECONDS);
    assertThat(outcomes).contains("completed");
    assertThat(store.stats("gh").depth()).isZero();
  }

  @Test
  void shutdownReleasesAHandlerStillRunningAfterTheGraceAndAnotherPoolFinishesIt()
      throws Exception {
    AtomicInteger calls = new AtomicInteger();
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch secondRun = new CountDownLatch(1);
    WebhookHandler handler =
        event -> {
          if (calls.incrementAndGet() == 1) {
            started.countDown();
            new CountDownLatch(1).await(); // until interrupted by the shutdown
          }
          secondRun.countDown();
        };
    WebhookWorkers first = workers(Duration.ofMillis(50));
    WebhookGuard g = guard(first, handler, b -> b.processing(Processing.DEFERRED));
    respond(g, github());
    assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
    first.close();
    InboxStats afterClose = store.stats("gh");
    assertThat(afterClose.retrying()).isEqualTo(1);
    assertThat(afterClose.processing()).isZero();
    WebhookWorkers second = workers(Duration.ofSeconds(5));
    second.register(g.config(), handler);
    assertThat(secondRun.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(calls).hasValue(2);
  }

  @Test
  void onTheFrameworksExecutorShutdownInterruptsAndReleasesARunStillGoingAfterTheGrace()
      throws Exception {
    java.util.concurrent.ExecutorService framework =
        java.util.concurrent.Executors.newCachedThreadPool(r -> new Thread(r, "framework-pool"));
    try {
      CountDownLatch started = new CountDownLatch(1);
      CompletableFuture<String> interrupted = new CompletableFuture<>();
      WebhookWorkers w =
          WebhookWorkers.builder(store)
              .executor(framework)
              .poll(Duration.ofMillis(20))
              .shutdownGrace(Duration.ofMillis(50))
              .build();
      w.start();
      WebhookGuard g =
          guard(
              w,
              event -> {
                started.countDown();
                try {
                  new CountDownLatch(1).await();
                } catch (InterruptedException e) {
                  interrupted.complete(Thread.currentThread().getName());
                  throw e;
                }
              },
              b -> b.processing(Processing.DEFERRED));
      respond(g, github());
      assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

      w.close();

      assertThat(interrupted.get(10, TimeUnit.SECONDS)).isEqualTo("framework-pool");
      assertThat(store.stats("gh").retrying()).isEqualTo(1);
      assertThat(framework.isShutdown()).as("the framework's executor is not ours").isFalse();
    } finally {
      framework.shutdownNow();
    }
  }

  @Test
  void aSlackDeliveryIsAcknowledgedWithThe200SlackRequiresWithinItsDeadline() {
    Delivery d = Delivery.slack();
    EndpointConfig c =
        EndpointConfig.builder("sl")
            .provider("slack")
            .secrets(d.secret)
            .processing(Processing.DEFERRED)
            .build();
    WebhookGuard g =
        WebhookGuard.builder(c)
            .clock(Clock.fixed(Delivery.NOW, java.time.ZoneOffset.UTC))
            .idempotencyStore(store)
            .build();
    Decision.Respond r = respond(g, d);
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.headers()).containsEntry("Webhook-Delivery-State", "queued");
    assertThat(c.deadline()).isEqualTo(Duration.ofMillis(2400));
    assertThat(c.ackStatus()).isEqualTo(200);
    EndpointConfig github = EndpointConfig.builder("gh").provider("github").secrets("s").build();
    assertThat(github.deadline()).isEqualTo(Duration.ofSeconds(8));
    assertThat(github.ackStatus()).isEqualTo(202);
  }

  @Test
  void handlersAreRoutedByTheMostSpecificEventTypePattern() throws Exception {
    List<String> seen = new ArrayList<>();
    WebhookHandlers h =
        WebhookHandlers.builder()
            .on("*", e -> seen.add("any"))
            .on("issues.*", e -> seen.add("issues.*"))
            .on("issues.opened", e -> seen.add("issues.opened"))
            .on("i*", e -> seen.add("i*"))
            .build();
    assertThat(h.route("issues.opened")).isNotNull();
    for (String type : List.of("issues.opened", "issues.closed", "invoice.paid", "push")) {
      h.route(type).handle(null);
    }
    assertThat(seen).containsExactly("issues.opened", "issues.*", "i*", "any");
    WebhookHandlers none = WebhookHandlers.builder().on("push", e -> seen.add("push")).build();
    assertThat(none.route("pull_request")).isNull();
    assertThat(none.route(null)).isNull();
    assertThatThrownBy(() -> WebhookHandlers.builder().on("is*sues", e -> {}))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> WebhookHandlers.builder().on("push", e -> {}).on("push", e -> {}))
        .hasMessageContaining("has a handler already");
  }

  @Test
  void aDeliveryNoRouteTakesIsCompletedAsUnhandledAndNotRetried() throws Exception {
    WebhookWorkers w = workers(Duration.ofSeconds(5));
    List<String> seen = Collections.synchronizedList(new ArrayList<>());
    WebhookGuard g =
        guard(
            w,
            WebhookHandlers.builder().on("issues.*", e -> seen.add("issues")).build(),
            b -> b.processing(Processing.DEFERRED));
    Delivery push = github();
    assertThat(respond(g, push).status()).isEqualTo(202);
    awaitOutcome("unhandled");
    assertThat(seen).isEmpty();
    assertThat(w.unhandled("gh")).isEqualTo(1);
    assertThat(store.stats("gh").retrying()).isZero();
    assertThat(store.stats("gh").dead()).isZero();
    // The provider's retry of it is a completed duplicate, not a new attempt.
    assertThat(respond(g, push).status()).isEqualTo(200);
    assertThat(w.describe()).extractingByKey("gh").asString().contains("unhandled=1");
  }

  @Test
  void workerThreadsComeFromTheGivenFactoryAndRunsAreDecorated() throws Exception {
    List<String> decorated = Collections.synchronizedList(new ArrayList<>());
    CompletableFuture<String> thread = new CompletableFuture<>();
    WebhookWorkers w =
        WebhookWorkers.builder(store)
            .poll(Duration.ofMillis(20))
            .threadFactory(r -> new Thread(r, "app-pool-thread"))
            .decorator(
                run ->
                    () -> {
                      decorated.add("before");
                      run.run();
                    })
            .build();
    pools.add(w);
    w.start();
    WebhookGuard g =
        guard(
            w,
            e -> thread.complete(Thread.currentThread().getName()),
            b -> b.processing(Processing.DEFERRED));
    assertThat(respond(g, github()).status()).isEqualTo(202);
    assertThat(thread.get(10, TimeUnit.SECONDS)).isEqualTo("app-pool-thread");
    assertThat(decorated).containsExactly("before");
  }

  private static EndpointHandlers handlers(WebhookGuard g, String pattern, WebhookHandler handler) {
    EndpointHandlers handlers = new EndpointHandlers();
    handlers.add(new EndpointHandlers.Declared("gh", List.of(pattern), handler, "H.on"));
    handlers.freeze(Map.of("gh", g.config()));
    return handlers;
  }

  @Test
  void aSyncDeliveryRunInTheRequestIsAnswered200Or500AndAnUnhandledType200() {
    List<String> seen = Collections.synchronizedList(new ArrayList<>());
    WebhookGuard g =
        WebhookGuard.builder(
                EndpointConfig.builder("gh").provider("github").secrets(Delivery.SECRET).build())
            .idempotencyStore(store)
            .build();
    WebhookEvent pullRequest = ((Decision.Proceed) g.inspect(github().request())).event();

    assertThat(handlers(g, "pull_request", e -> seen.add("pr")).handleInRequest("gh", pullRequest))
        .isEqualTo(200);
    assertThat(
            handlers(
                    g,
                    "pull_request",
                    e -> {
                      throw new IllegalStateException("fails on purpose");
                    })
                .handleInRequest("gh", pullRequest))
        .isEqualTo(500);
    assertThat(handlers(g, "push", e -> seen.add("push")).handleInRequest("gh", pullRequest))
        .as("no handler takes pull_request")
        .isEqualTo(200);
    assertThat(seen).containsExactly("pr");
  }

  @Test
  void theInboxKeepsNoHeaderThatCarriesASecret() {
    WebhookEvent event =
        new WebhookEvent(
            "gl",
            "gitlab",
            "id-1",
            "push",
            null,
            "secrets[0]",
            Headers.builder()
                .add("X-Gitlab-Token", "tok-" + Delivery.SECRET)
                .add("Authorization", "Bearer abc")
                .add("Cookie", "s=1")
                .add("X-Gitlab-Event", "Push Hook")
                .build(),
            new byte[] {1, 2, 3},
            java.util.Map.of("k", "v"));
    var entry =
        DeliveryCodec.entry("gl:id-1", event, List.of(Secret.of("secrets[0]", Delivery.SECRET)));
    assertThat(entry.metadata())
        .doesNotContain(Delivery.SECRET)
        .doesNotContainIgnoringCase("authorization")
        .doesNotContainIgnoringCase("cookie");
    WebhookEvent back = DeliveryCodec.event(entry);
    assertThat(back.headers().first("X-Gitlab-Event")).contains("Push Hook");
    assertThat(back.headers().contains("X-Gitlab-Token")).isFalse();
    assertThat(back.attributes()).containsEntry("k", "v");
    assertThat(back.body()).containsExactly(1, 2, 3);
    assertThat(back.deliveryId()).contains("id-1");
  }

  @Test
  void misconfiguredDeferredEndpointsFailAtStartUpNamingTheKey() {
    EndpointConfig.Builder noIds =
        EndpointConfig.builder("gh")
            .provider("github")
            .secrets("s")
            .processing(Processing.DEFERRED)
            .idempotencyEnabled(false);
    assertThatThrownBy(noIds::build)
        .isInstanceOf(WebhookConfigurationException.class)
        .hasMessageContaining("gh")
        .hasMessageContaining("processing");
    EndpointConfig auto =
        EndpointConfig.builder("gh")
            .provider("github")
            .secrets("s")
            .processing(Processing.AUTO)
            .build();
    assertThatThrownBy(() -> WebhookGuard.builder(auto).idempotencyStore(store).build())
        .hasMessageContaining("processing")
        .hasMessageContaining("handler");
    EndpointConfig tx =
        EndpointConfig.builder("gh")
            .provider("github")
            .secrets("s")
            .processing(Processing.DEFERRED)
            .transactional(true)
            .build();
    assertThatThrownBy(() -> WebhookGuard.builder(tx).idempotencyStore(store).build())
        .hasMessageContaining("transactional");
    assertThatThrownBy(
            () ->
                EndpointConfig.from(
                    "gh",
                    ConfigSource.of(
                        java.util.Map.of(
                            "provider", "github", "secrets", "s", "processing", "later"))))
        .hasMessageContaining("processing")
        .hasMessageContaining("sync, deferred, auto or forward");
    assertThatThrownBy(
            () ->
                EndpointConfig.from(
                    "gh",
                    ConfigSource.of(
                        java.util.Map.of(
                            "provider", "github", "secrets", "s", "retry.schedule", "5s,,1m"))))
        .hasMessageContaining("retry.schedule");
    assertThat(DeliveryState.ofCode('R')).isEqualTo(DeliveryState.RETRYING);
  }
}

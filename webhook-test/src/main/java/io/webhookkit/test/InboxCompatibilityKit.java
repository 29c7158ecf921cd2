package io.webhookkit.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.webhookkit.core.Decision;
import io.webhookkit.core.EndpointConfig;
import io.webhookkit.core.Processing;
import io.webhookkit.core.Reason;
import io.webhookkit.core.WebhookGuard;
import io.webhookkit.core.WebhookRequest;
import io.webhookkit.core.idempotency.IdempotencyStore;
import io.webhookkit.core.inbox.ClaimedEntry;
import io.webhookkit.core.inbox.DeadEntry;
import io.webhookkit.core.inbox.DeliveryInbox;
import io.webhookkit.core.inbox.DeliveryState;
import io.webhookkit.core.inbox.Enqueued;
import io.webhookkit.core.inbox.InboxEntry;
import io.webhookkit.core.inbox.InboxStats;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The inbox compatibility kit: what every {@link DeliveryInbox} must do (in-memory, JDBC, Redis).
 * Extend it and return from {@link #createInbox} an inbox that is also the {@link IdempotencyStore}
 * guards use, and that takes its time from the given clock; the kit moves that clock to run out
 * leases, schedules and retention without waiting. Each test uses an endpoint of its own. Stores on
 * a server override {@link #stopServer()} and {@link #startServer()} to have the outage scenario
 * run.
 */
public abstract class InboxCompatibilityKit {
  /** The lease the kit claims with. */
  protected static final Duration LEASE = Duration.ofSeconds(60);

  /** The retention the kit completes with. */
  protected static final Duration RETENTION = Duration.ofHours(1);

  /** The clock the inbox under test must use. */
  protected final SettableClock clock = new SettableClock(Instant.parse("2026-12-02T12:00:00Z"));

  /** The inbox under test. */
  protected DeliveryInbox inbox;

  /** This test's endpoint. */
  protected String endpoint;

  private final List<ExecutorService> pools = new ArrayList<>();

  /** An inbox (and idempotency store) on this clock; fresh or shared. */
  protected abstract DeliveryInbox createInbox(Clock clock) throws Exception;

  /** Stops the store's server; stores without one leave it as is (the outage test is skipped). */
  protected void stopServer() throws Exception {
    throw new UnsupportedOperationException("no server");
  }

  /** Starts the server again on the same address, with its data. */
  protected void startServer() throws Exception {
    throw new UnsupportedOperationException("no server");
  }

  /**
   * The same inbox on the store's own clock (the database's, Redis's), for the one scenario that
   * waits for real time; {@code null} when the store has no clock of its own.
   */
  protected @Nullable DeliveryInbox createInboxOnItsOwnClock() throws Exception {
    return null;
  }

  /** Whether {@link #stopServer()} is implemented. */
  protected boolean hasServer() {
    return false;
  }

  @BeforeEach
  void createInboxForTest() throws Exception {
    inbox = createInbox(clock);
    endpoint = "kit-" + UUID.randomUUID().toString().substring(0, 8);
  }

  @AfterEach
  void stopPools() {
    pools.forEach(ExecutorService::shutdownNow);
  }

  private ExecutorService pool(int n) {
    ExecutorService p = Executors.newFixedThreadPool(n);
    pools.add(p);
    return p;
  }

  /** An entry of this test's endpoint with an arbitrary binary body. */
  protected InboxEntry entry(String id) {
    byte[] body = ("{\"id\":\"" + id + "\",\"n\":\"é€\"}").getBytes(StandardCharsets.UTF_8);
    return new InboxEntry(
        endpoint + ":" + id, endpoint, "push", "{\"v\":1,\"id\":\"" + id + "\"}", body);
  }

  private ClaimedEntry claimOne() {
    List<ClaimedEntry> claimed = inbox.claimDue(endpoint, 1, LEASE);
    assertThat(claimed).hasSize(1);
    return claimed.get(0);
  }

  @Test
  void anEnqueuedDeliveryIsWrittenOnceAndItsDuplicatesSeeItPending() {
    assertThat(inbox.enqueue(entry("a"), "fp-a", null)).isInstanceOf(Enqueued.Accepted.class);
    assertThat(inbox.enqueue(entry("a"), "fp-a", null))
        .isEqualTo(new Enqueued.Pending(DeliveryState.QUEUED));
    assertThat(inbox.enqueue(entry("a"), "fp-other", null))
        .isInstanceOf(Enqueued.FingerprintMismatch.class);
    ClaimedEntry c = claimOne();
    assertThat(inbox.enqueue(entry("a"), "fp-a", null))
        .isEqualTo(new Enqueued.Pending(DeliveryState.PROCESSING));
    assertThat(inbox.retry(c.key(), c.ownerToken(), Duration.ofMinutes(5), "E: boom")).isTrue();
    assertThat(inbox.enqueue(entry("a"), "fp-a", null))
        .isEqualTo(new Enqueued.Pending(DeliveryState.RETRYING));
  }

  @Test
  void aClaimHandsOverTheBodyAndMetadataExactlyAndCountsTheAttempt() {
    byte[] body = new byte[300];
    for (int i = 0; i < body.length; i++) {
      body[i] = (byte) i; // every byte value, 0x00 and 0xFF included
    }
    String metadata = "{\"v\":1,\"headers\":{\"x-e\":[\"ü ✓\"]}}";
    InboxEntry e = new InboxEntry(endpoint + ":bin", endpoint, null, metadata, body);
    inbox.enqueue(e, "fp", null);
    ClaimedEntry c = claimOne();
    assertThat(c.entry().body()).isEqualTo(body);
    assertThat(c.entry().metadata()).isEqualTo(metadata);
    assertThat(c.entry().endpoint()).isEqualTo(endpoint);
    assertThat(c.entry().eventType()).isNull();
    assertThat(c.attempts()).isEqualTo(1);
    assertThat(c.receivedAt()).isBetween(clock.instant().minusSeconds(5), clock.instant());
  }

  @Test
  void exactlyOneOf16ConcurrentEnqueuersWritesTheDelivery() throws Exception {
    ExecutorService pool = pool(16);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Enqueued>> results = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      results.add(
          pool.submit(
              () -> {
                go.await();
                return inbox.enqueue(entry("race"), "fp", null);
              }));
    }
    go.countDown();
    int accepted = 0;
    for (Future<Enqueued> f : results) {
      Enqueued e = f.get(30, TimeUnit.SECONDS);
      if (e instanceof Enqueued.Accepted) {
        accepted++;
      } else {
        assertThat(e).isEqualTo(new Enqueued.Pending(DeliveryState.QUEUED));
      }
    }
    assertThat(accepted).isEqualTo(1);
  }

  @Test
  void concurrentClaimersNeverBothGetOneDelivery() throws Exception {
    int n = 60;
    for (int i = 0; i < n; i++) {
      inbox.enqueue(entry("d" + i), "fp", null);
    }
    ExecutorService pool = pool(6);
    CountDownLatch go = new CountDownLatch(1);
    List<String> claimed = Collections.synchronizedList(new ArrayList<>());
    List<Future<?>> claimers = new ArrayList<>();
    for (int t = 0; t < 6; t++) {
      claimers.add(
          pool.submit(
              () -> {
                go.await();
                List<ClaimedEntry> got = inbox.claimDue(endpoint, 4, LEASE);
                while (!got.isEmpty()) {
                  got.forEach(c -> claimed.add(c.key()));
                  got = inbox.claimDue(endpoint, 4, LEASE);
                }
                return null;
              }));
    }
    go.countDown();
    for (Future<?> f : claimers) {
      f.get(60, TimeUnit.SECONDS);
    }
    assertThat(claimed).hasSize(n);
    assertThat(new HashSet<>(claimed)).hasSize(n);
    assertThat(inbox.stats(endpoint).processing()).isEqualTo(n);
  }

  @Test
  void aLostLeaseIsTakenOverAndTheStaleWorkerIsFencedOut() {
    inbox.enqueue(entry("lease"), "fp", null);
    ClaimedEntry first = claimOne();
    assertThat(inbox.claimDue(endpoint, 10, LEASE)).isEmpty();
    clock.advance(LEASE.plusSeconds(1));
    ClaimedEntry second = claimOne();
    assertThat(second.key()).isEqualTo(first.key());
    assertThat(second.ownerToken()).isNotEqualTo(first.ownerToken());
    assertThat(second.attempts()).isEqualTo(2);
    // The stale worker changes nothing.
    assertThat(inbox.heartbeat(first.key(), first.ownerToken(), LEASE)).isFalse();
    assertThat(inbox.completeDelivery(first.key(), first.ownerToken(), 200, RETENTION)).isFalse();
    assertThat(inbox.retry(first.key(), first.ownerToken(), Duration.ZERO, "E")).isFalse();
    assertThat(inbox.dead(first.key(), first.ownerToken(), "E")).isFalse();
    assertThat(inbox.enqueue(entry("lease"), "fp", null))
        .isEqualTo(new Enqueued.Pending(DeliveryState.PROCESSING));
    assertThat(inbox.completeDelivery(second.key(), second.ownerToken(), 200, RETENTION)).isTrue();
    assertThat(inbox.enqueue(entry("lease"), "fp", null)).isEqualTo(new Enqueued.Completed(200));
  }

  @Test
  void aHeartbeatKeepsTheLease() {
    inbox.enqueue(entry("beat"), "fp", null);
    ClaimedEntry c = claimOne();
    clock.advance(Duration.ofSeconds(50));
    assertThat(inbox.heartbeat(c.key(), c.ownerToken(), LEASE)).isTrue();
    clock.advance(Duration.ofSeconds(50));
    assertThat(inbox.claimDue(endpoint, 10, LEASE)).isEmpty();
    clock.advance(Duration.ofSeconds(11));
    assertThat(claimOne().attempts()).isEqualTo(2);
  }

  @Test
  void retriesComeDueInScheduleOrderOldestDueFirst() {
    for (String id : List.of("a", "b", "c")) {
      inbox.enqueue(entry(id), "fp", null);
    }
    List<ClaimedEntry> all = inbox.claimDue(endpoint, 10, LEASE);
    assertThat(all).hasSize(3);
    for (ClaimedEntry c : all) {
      String id = c.key().substring(c.key().indexOf(':') + 1);
      int seconds =
          switch (id) {
            case "a" -> 30;
            case "b" -> 10;
            default -> 20;
          };
      assertThat(inbox.retry(c.key(), c.ownerToken(), Duration.ofSeconds(seconds), "E: " + id))
          .isTrue();
    }
    clock.advance(Duration.ofSeconds(5));
    assertThat(inbox.claimDue(endpoint, 10, LEASE)).isEmpty();
    assertThat(inbox.stats(endpoint).retrying()).isEqualTo(3);
    clock.advance(Duration.ofSeconds(30));
    List<String> order = new ArrayList<>();
    List<ClaimedEntry> got = inbox.claimDue(endpoint, 1, LEASE);
    while (!got.isEmpty()) {
      order.add(got.get(0).key().substring(endpoint.length() + 1));
      assertThat(got.get(0).attempts()).isEqualTo(2);
      got = inbox.claimDue(endpoint, 1, LEASE);
    }
    assertThat(order).containsExactly("b", "c", "a");
  }

  @Test
  void aDeadDeliveryKeepsItsErrorAndIsReplayedWithItsBody() {
    inbox.enqueue(entry("x"), "fp", null);
    inbox.enqueue(entry("y"), "fp", null);
    for (ClaimedEntry c : inbox.claimDue(endpoint, 10, LEASE)) {
      assertThat(inbox.dead(c.key(), c.ownerToken(), "java.io.IOException: downstream 503"))
          .isTrue();
    }
    List<DeadEntry> dead = inbox.listDead(endpoint, 10);
    assertThat(dead)
        .extracting(DeadEntry::key)
        .containsExactlyInAnyOrder(endpoint + ":x", endpoint + ":y");
    assertThat(dead.get(0).attempts()).isEqualTo(1);
    assertThat(dead.get(0).lastError()).isEqualTo("java.io.IOException: downstream 503");
    assertThat(dead.get(0).eventType()).isEqualTo("push");
    assertThat(inbox.claimDue(endpoint, 10, LEASE)).isEmpty();
    assertThat(inbox.enqueue(entry("x"), "fp", null))
        .isEqualTo(new Enqueued.Pending(DeliveryState.DEAD));
    assertThat(inbox.stats(endpoint).dead()).isEqualTo(2);

    assertThat(inbox.replay(endpoint + ":x")).isTrue();
    assertThat(inbox.replay(endpoint + ":x")).isFalse();
    assertThat(inbox.replay(endpoint + ":unknown")).isFalse();
    ClaimedEntry again = claimOne();
    assertThat(again.key()).isEqualTo(endpoint + ":x");
    assertThat(again.attempts()).isEqualTo(1);
    assertThat(again.entry().body()).isEqualTo(entry("x").body());
    assertThat(inbox.replayDead(endpoint)).isEqualTo(1);
    assertThat(claimOne().key()).isEqualTo(endpoint + ":y");
    assertThat(inbox.listDead(endpoint, 10)).isEmpty();
  }

  @Test
  void aCompletedDeliveryIsRememberedForItsRetentionThenForgotten() {
    inbox.enqueue(entry("done"), "fp", null);
    ClaimedEntry c = claimOne();
    assertThat(inbox.completeDelivery(c.key(), c.ownerToken(), 200, RETENTION)).isTrue();
    assertThat(inbox.completeDelivery(c.key(), c.ownerToken(), 200, RETENTION)).isFalse();
    assertThat(inbox.enqueue(entry("done"), "fp", null)).isEqualTo(new Enqueued.Completed(200));
    assertThat(inbox.claimDue(endpoint, 10, LEASE)).isEmpty();
    InboxStats s = inbox.stats(endpoint);
    assertThat(s.depth()).isZero();
    clock.advance(RETENTION.plusMinutes(1));
    assertThat(inbox.enqueue(entry("done"), "fp", null)).isInstanceOf(Enqueued.Accepted.class);
    assertThat(claimOne().attempts()).isEqualTo(1);
  }

  @Test
  void aDeliveryWrittenAsHeldBelongsToItsWriterUntilItsLeaseEnds() {
    Enqueued e = inbox.enqueue(entry("held"), "fp", LEASE);
    assertThat(e).isInstanceOf(Enqueued.Accepted.class);
    String token = ((Enqueued.Accepted) e).ownerToken();
    assertThat(token).isNotEmpty();
    assertThat(inbox.claimDue(endpoint, 10, LEASE)).isEmpty();
    assertThat(inbox.stats(endpoint).processing()).isEqualTo(1);
    clock.advance(LEASE.plusSeconds(1));
    ClaimedEntry taken = claimOne();
    assertThat(taken.attempts()).isEqualTo(2);
    assertThat(inbox.completeDelivery(taken.key(), token, 200, RETENTION)).isFalse();
    assertThat(inbox.completeDelivery(taken.key(), taken.ownerToken(), 200, RETENTION)).isTrue();
  }

  @Test
  void statsCountByStateAndMeasureTheOldestDueWait() {
    inbox.enqueue(entry("s1"), "fp", null);
    clock.advance(Duration.ofSeconds(10));
    inbox.enqueue(entry("s2"), "fp", null);
    clock.advance(Duration.ofSeconds(5));
    InboxStats s = inbox.stats(endpoint);
    assertThat(s.queued()).isEqualTo(2);
    assertThat(s.oldestDue()).isBetween(Duration.ofSeconds(14), Duration.ofSeconds(16));
    claimOne();
    s = inbox.stats(endpoint);
    assertThat(s.queued()).isEqualTo(1);
    assertThat(s.processing()).isEqualTo(1);
    assertThat(s.oldestDue()).isBetween(Duration.ofSeconds(4), Duration.ofSeconds(6));
    assertThat(inbox.stats("kit-nothing-here")).isEqualTo(InboxStats.EMPTY);
  }

  @Test
  void endpointsDoNotSeeEachOthersDeliveries() {
    inbox.enqueue(entry("mine"), "fp", null);
    assertThat(inbox.claimDue(endpoint + "-other", 10, LEASE)).isEmpty();
    assertThat(inbox.listDead(endpoint + "-other", 10)).isEmpty();
    assertThat(claimOne().key()).isEqualTo(endpoint + ":mine");
  }

  @Test
  void theStoresOwnClockRunsLeasesAndDueTimes() throws Exception {
    DeliveryInbox maybe = createInboxOnItsOwnClock();
    assumeTrue(maybe != null, "the inbox has no clock but the one it was given");
    DeliveryInbox own = Objects.requireNonNull(maybe);
    own.enqueue(entry("own-clock"), "fp", null);
    List<ClaimedEntry> first = own.claimDue(endpoint, 1, Duration.ofSeconds(1));
    assertThat(first).hasSize(1);
    Instant received = first.get(0).receivedAt();
    assertThat(Duration.between(received, Instant.now()).abs()).isLessThan(Duration.ofMinutes(1));
    assertThat(own.claimDue(endpoint, 1, Duration.ofSeconds(1))).isEmpty();
    // Real time must pass for the store's clock: poll until the lease has run out.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    List<ClaimedEntry> again = List.of();
    while (again.isEmpty() && System.nanoTime() < deadline) {
      again = own.claimDue(endpoint, 1, LEASE);
    }
    assertThat(again).hasSize(1);
    assertThat(again.get(0).attempts()).isEqualTo(2);
    assertThat(own.retry(again.get(0).key(), again.get(0).ownerToken(), Duration.ofHours(1), "E"))
        .isTrue();
    assertThat(own.claimDue(endpoint, 1, LEASE)).isEmpty();
    assertThat(own.stats(endpoint).retrying()).isEqualTo(1);
  }

  private WebhookGuard deferredGuard() {
    return WebhookGuard.builder(
            EndpointConfig.builder(endpoint)
                .provider("github")
                .secrets("kit-secret")
                .processing(Processing.DEFERRED)
                .build())
        .clock(clock)
        .idempotencyStore((IdempotencyStore) inbox)
        .build();
  }

  private static WebhookRequest request(TestDelivery d) {
    WebhookRequest.Builder b = WebhookRequest.builder().remoteAddress("127.0.0.1").body(d.body());
    d.headers().forEach(b::header);
    return b.build();
  }

  @Test
  void theGuardWritesADeferredDeliveryAndAcknowledgesItsDuplicates() {
    WebhookGuard guard = deferredGuard();
    TestDelivery d = TestDelivery.github("kit-secret");
    Decision.Respond first = (Decision.Respond) guard.inspect(request(d));
    assertThat(first.status()).isEqualTo(202);
    assertThat(first.headers()).containsEntry(WebhookGuard.DELIVERY_STATE_HEADER, "queued");
    Decision.Respond again = (Decision.Respond) guard.inspect(request(d));
    assertThat(again.status()).isEqualTo(202);
    ClaimedEntry c = claimOne();
    assertThat(c.entry().body()).isEqualTo(d.body());
    assertThat(c.entry().metadata()).doesNotContain("kit-secret");
    Decision.Respond whileRunning = (Decision.Respond) guard.inspect(request(d));
    assertThat(whileRunning.status()).isEqualTo(202);
    assertThat(whileRunning.headers())
        .containsEntry(WebhookGuard.DELIVERY_STATE_HEADER, "processing");
  }

  @Test
  void anOutageIsAnsweredWith503AndTheInboxWorksAgainAfterIt() throws Exception {
    assumeTrue(hasServer(), "nothing to stop: an in-process inbox cannot be unavailable");
    WebhookGuard guard = deferredGuard();
    TestDelivery d = TestDelivery.github("kit-secret");
    stopServer();
    try {
      assertThatThrownBy(() -> inbox.enqueue(entry("outage"), "fp", null))
          .isInstanceOf(RuntimeException.class);
      assertThatThrownBy(() -> inbox.claimDue(endpoint, 1, LEASE))
          .isInstanceOf(RuntimeException.class);
      Decision.Respond r = (Decision.Respond) guard.inspect(request(d));
      assertThat(r.status()).isEqualTo(503);
      assertThat(r.reason()).isEqualTo(Reason.STORE_UNAVAILABLE);
      assertThat(r.headers()).containsKey("Retry-After");
    } finally {
      startServer();
    }
    Decision.Respond ok = (Decision.Respond) guard.inspect(request(d));
    assertThat(ok.status()).isEqualTo(202);
    assertThat(claimOne().entry().body()).isEqualTo(d.body());
  }
}

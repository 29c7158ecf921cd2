package io.webhookkit.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import io.webhookkit.core.WebhookConfigurationException;
import io.webhookkit.core.WebhookEvent;
import io.webhookkit.core.WebhookHandler;
import io.webhookkit.core.WebhookWorkers;
import io.webhookkit.core.inbox.DeadEntry;
import io.webhookkit.test.TestDelivery;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code processing=deferred} and {@code auto} through {@link WebhookFilter} on Jetty over real
 * HTTP: the filter answers itself (the servlet is never called), the handler named by class in an
 * init-param or given in code runs on the {@link WebhookInboxListener}'s pool, retries, dies,
 * replays.
 */
class DeferredFilterTest {
  private static final String SECRET = "deferred-secret";
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private static final AtomicInteger SERVLET_CALLS = new AtomicInteger();
  private static Server server;
  private static URI base;
  private static ServletContextHandler context;

  /** The handler web.xml names: ids starting "block-" wait for their gate, "fail-" always throw. */
  public static class NamedHandler implements WebhookHandler {
    static final Map<String, CountDownLatch> GATES = new ConcurrentHashMap<>();
    static final LinkedBlockingQueue<WebhookEvent> HANDLED = new LinkedBlockingQueue<>();
    static final Map<String, AtomicInteger> CALLS = new ConcurrentHashMap<>();

    /** Made by the filter from its init-param. */
    public NamedHandler() {}

    @Override
    public void handle(WebhookEvent event) throws Exception {
      String id = event.deliveryId().orElseThrow();
      CALLS.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
      CountDownLatch gate = GATES.get(id);
      if (gate != null) {
        gate.await();
      }
      if (id.startsWith("fail-")) {
        throw new IllegalStateException("always fails");
      }
      HANDLED.add(event);
    }
  }

  /** Counts calls, which must stay zero: deferred endpoints are answered by the filter. */
  public static class NeverServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) {
      SERVLET_CALLS.incrementAndGet();
      resp.setStatus(204);
    }
  }

  private static final CountDownLatch AUTO_GATE = new CountDownLatch(1);
  private static final AtomicInteger AUTO_CALLS = new AtomicInteger();

  @BeforeAll
  static void start() throws Exception {
    context = new ServletContextHandler("/");
    context.setInitParameter("webhook.inbox.poll", "20ms");
    context.setInitParameter("webhook.inbox.workers", "3");
    context.addEventListener(new WebhookInboxListener());
    context.addServlet(NeverServlet.class, "/hooks/*");
    FilterHolder deferred = new FilterHolder(WebhookFilter.class);
    deferred.setName("deferred");
    deferred.setInitParameters(
        Map.of(
            "provider", "github",
            "secrets", SECRET,
            "processing", "deferred",
            "retry.schedule", "10ms",
            "retry.max-attempts", "2",
            "handler", NamedHandler.class.getName()));
    context.addFilter(deferred, "/hooks/deferred", EnumSet.of(DispatcherType.REQUEST));
    FilterHolder auto =
        new FilterHolder(
            new WebhookFilter(
                event -> {
                  AUTO_CALLS.incrementAndGet();
                  if (event.deliveryId().orElseThrow().startsWith("slow-")) {
                    AUTO_GATE.await();
                  }
                }));
    auto.setName("auto");
    auto.setInitParameters(
        Map.of(
            "provider", "github", "secrets", SECRET, "processing", "auto", "deadline", "1500ms"));
    context.addFilter(auto, "/hooks/auto", EnumSet.of(DispatcherType.REQUEST));
    server = LoopbackJetty.start(context);
    base = LoopbackJetty.uri(server);
  }

  @AfterAll
  static void stop() throws Exception {
    AUTO_GATE.countDown();
    NamedHandler.GATES.values().forEach(CountDownLatch::countDown);
    server.stop();
  }

  private static HttpResponse<String> post(String path, TestDelivery d) throws Exception {
    return CLIENT.send(d.toHttpRequest(base.resolve(path)), HttpResponse.BodyHandlers.ofString());
  }

  private static WebhookWorkers workers() {
    return (WebhookWorkers)
        context.getServletContext().getAttribute(WebhookInboxListener.WORKERS_ATTRIBUTE);
  }

  @Test
  void theFilterAnswersADeferredDeliveryBeforeItsHandlerRuns() throws Exception {
    TestDelivery d = TestDelivery.github(SECRET).withId("block-" + java.util.UUID.randomUUID());
    CountDownLatch gate = new CountDownLatch(1);
    NamedHandler.GATES.put(d.id(), gate);

    HttpResponse<String> r = post("/hooks/deferred", d);
    assertThat(r.statusCode()).isEqualTo(202);
    assertThat(r.headers().firstValue("Webhook-Delivery-State")).contains("queued");
    HttpResponse<String> again = post("/hooks/deferred", d);
    assertThat(again.statusCode()).isEqualTo(202);

    gate.countDown();
    WebhookEvent handled = NamedHandler.HANDLED.poll(10, TimeUnit.SECONDS);
    assertThat(handled).isNotNull();
    assertThat(handled.deliveryId()).contains(d.id());
    assertThat(handled.body()).isEqualTo(d.body());
    assertThat(SERVLET_CALLS).hasValue(0);
    awaitCompleted("/hooks/deferred", d);
    assertThat(NamedHandler.CALLS.get(d.id())).hasValue(1);
  }

  private static void awaitCompleted(String path, TestDelivery d) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    HttpResponse<String> r;
    do {
      r = post(path, d);
    } while (r.statusCode() != 200 && System.nanoTime() < deadline);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Webhook-Delivery-State")).contains("completed");
  }

  @Test
  void aFailingHandlerIsRetriedThenDeadAndReplayable() throws Exception {
    TestDelivery d = TestDelivery.github(SECRET).withId("fail-" + java.util.UUID.randomUUID());
    assertThat(post("/hooks/deferred", d).statusCode()).isEqualTo(202);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    List<DeadEntry> dead;
    do {
      dead = workers().dead("deferred", 100);
    } while (dead.stream().noneMatch(e -> e.key().endsWith(d.id()))
        && System.nanoTime() < deadline);
    DeadEntry entry = dead.stream().filter(e -> e.key().endsWith(d.id())).findFirst().orElseThrow();
    assertThat(entry.attempts()).isEqualTo(2);
    assertThat(entry.lastError()).isEqualTo("java.lang.IllegalStateException: always fails");
    HttpResponse<String> duplicate = post("/hooks/deferred", d);
    assertThat(duplicate.statusCode()).isEqualTo(202);
    assertThat(duplicate.headers().firstValue("Webhook-Delivery-State")).contains("dead");
    assertThat(NamedHandler.CALLS.get(d.id())).hasValue(2);
    assertThat(workers().replay(entry.key())).isTrue();
    long again = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (NamedHandler.CALLS.get(d.id()).get() < 3 && System.nanoTime() < again) {
      LockSupport.parkNanos(5_000_000);
    }
    // The replayed delivery ran again (and, failing as before, is on its way to dead again).
    assertThat(NamedHandler.CALLS.get(d.id()).get()).isGreaterThanOrEqualTo(3);
  }

  @Test
  void autoAnswersWithTheHandlersResultOrTheAckStatusAtItsDeadline() throws Exception {
    HttpResponse<String> fast = post("/hooks/auto", TestDelivery.github(SECRET));
    assertThat(fast.statusCode()).isEqualTo(200);
    assertThat(fast.headers().firstValue("Webhook-Delivery-State")).contains("completed");

    TestDelivery slow = TestDelivery.github(SECRET).withId("slow-" + java.util.UUID.randomUUID());
    long start = System.nanoTime();
    HttpResponse<String> late = post("/hooks/auto", slow);
    long tookMillis = (System.nanoTime() - start) / 1_000_000;
    assertThat(late.statusCode()).isEqualTo(202);
    assertThat(late.headers().firstValue("Webhook-Delivery-State")).contains("processing");
    assertThat(tookMillis).isGreaterThanOrEqualTo(1500);
    AUTO_GATE.countDown();
    awaitCompleted("/hooks/auto", slow);
    assertThat(SERVLET_CALLS).hasValue(0);
  }

  @Test
  void aDeferredHandlerWithoutTheInboxListenerStopsTheContextNamingTheEndpointAndTheKey() {
    ServletContextHandler bare = new ServletContextHandler("/");
    bare.addServlet(NeverServlet.class, "/hooks/*");
    FilterHolder filter = new FilterHolder(WebhookFilter.class);
    filter.setName("orders");
    filter.setInitParameters(
        Map.of(
            "provider",
            "github",
            "secrets",
            SECRET,
            "processing",
            "deferred",
            "handler",
            NamedHandler.class.getName()));
    bare.addFilter(filter, "/hooks/orders", EnumSet.of(DispatcherType.REQUEST));
    assertThat(StartupFailures.of(bare))
        .as("the start-up failure")
        .isInstanceOf(WebhookConfigurationException.class)
        .hasMessageContaining("endpoint 'orders'")
        .hasMessageContaining("key 'processing'")
        .hasMessageContaining("WebhookInboxListener");
  }
}

package io.webhookkit.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import io.webhookkit.core.EndpointConfig;
import io.webhookkit.core.WebhookConfigurationException;
import io.webhookkit.core.WebhookGuard;
import io.webhookkit.core.idempotency.InMemoryIdempotencyStore;
import io.webhookkit.test.TestDelivery;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What the conformance kit does not cover: async requests, start-up failures, code registration.
 */
class WebhookFilterTest {
  private static final String SECRET = "async-secret";
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private static final ExecutorService WORKERS = Executors.newFixedThreadPool(2);
  private static final AtomicInteger CALLS = new AtomicInteger();
  private static Server server;
  private static URI base;

  /** Answers asynchronously, from another thread: 500 for ids starting "fail-" the first time. */
  public static class AsyncServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Map<String, AtomicInteger> SEEN =
        new java.util.concurrent.ConcurrentHashMap<>();

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) {
      CALLS.incrementAndGet();
      String id = WebhookFilter.event(req).orElseThrow().deliveryId().orElseThrow();
      AsyncContext async = req.startAsync();
      WORKERS.submit(
          () -> {
            int seen = SEEN.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
            HttpServletResponse r = (HttpServletResponse) async.getResponse();
            r.setStatus(id.startsWith("fail-") && seen == 1 ? 500 : 202);
            async.complete();
          });
    }
  }

  @BeforeAll
  static void start() throws Exception {
    ServletContextHandler context = new ServletContextHandler("/");
    ServletHolder servlet = context.addServlet(AsyncServlet.class, "/async");
    servlet.setAsyncSupported(true);
    WebhookGuard guard =
        WebhookGuard.builder(
                EndpointConfig.builder("async").provider("github").secrets(SECRET).build())
            .idempotencyStore(InMemoryIdempotencyStore.create())
            .build();
    FilterHolder filter = new FilterHolder(new WebhookFilter(guard));
    filter.setAsyncSupported(true);
    context.addFilter(filter, "/async", EnumSet.of(DispatcherType.REQUEST));
    server = LoopbackJetty.start(context);
    base = LoopbackJetty.uri(server);
  }

  @AfterAll
  static void stop() throws Exception {
    server.stop();
    WORKERS.shutdownNow();
  }

  private static int post(TestDelivery d) throws Exception {
    return CLIENT
        .send(d.toHttpRequest(base.resolve("/async")), HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  @Test
  void anAsyncRequestIsCompletedWithItsFinalStatus() throws Exception {
    TestDelivery d = TestDelivery.github(SECRET);
    int before = CALLS.get();

    assertThat(post(d)).isEqualTo(202);
    assertThat(post(d)).isEqualTo(202);

    assertThat(CALLS.get() - before).isEqualTo(1);
  }

  @Test
  void anAsyncFailureIsReleasedForTheRetry() throws Exception {
    TestDelivery d = TestDelivery.github(SECRET).withId("fail-" + java.util.UUID.randomUUID());
    int before = CALLS.get();

    assertThat(post(d)).isEqualTo(500);
    assertThat(post(d)).isEqualTo(202);
    assertThat(post(d)).isEqualTo(202);

    assertThat(CALLS.get() - before).isEqualTo(2);
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource({"tolerance, soon", "tolerence, 1m"})
  void aMisconfiguredFilterStopsTheContextFromStartingNamingTheEndpointAndTheKey(
      String key, String value) {
    ServletContextHandler context = new ServletContextHandler("/");
    context.addServlet(AsyncServlet.class, "/hooks/payments");
    FilterHolder filter = new FilterHolder(WebhookFilter.class);
    filter.setInitParameters(
        Map.of("endpoint", "payments", "provider", "stripe", "secrets", "whsec_x", key, value));
    context.addFilter(filter, "/hooks/payments", EnumSet.of(DispatcherType.REQUEST));

    assertThat(StartupFailures.of(context))
        .as("the start-up failure")
        .isInstanceOf(WebhookConfigurationException.class)
        .hasMessageContaining("endpoint 'payments'")
        .hasMessageContaining("key '" + key + "'")
        .hasMessageNotContaining("whsec_x");
  }
}

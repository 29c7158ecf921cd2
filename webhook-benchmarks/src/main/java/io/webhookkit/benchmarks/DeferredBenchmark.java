package io.webhookkit.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.webhookkit.core.Decision;
import io.webhookkit.core.EndpointConfig;
import io.webhookkit.core.Processing;
import io.webhookkit.core.Secret;
import io.webhookkit.core.WebhookGuard;
import io.webhookkit.core.WebhookRequest;
import io.webhookkit.core.WebhookWorkers;
import io.webhookkit.core.idempotency.IdempotencyStore;
import io.webhookkit.core.idempotency.InMemoryIdempotencyStore;
import io.webhookkit.core.inbox.DeliveryInbox;
import io.webhookkit.core.signature.SigningInput;
import io.webhookkit.servlet.WebhookFilter;
import io.webhookkit.servlet.WebhookInboxListener;
import io.webhookkit.store.jdbc.JdbcIdempotencyStore;
import io.webhookkit.store.redis.RedisIdempotencyStore;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import redis.embedded.RedisServer;

/**
 * The answer to a deferred delivery, end to end over loopback at a fixed request rate: Jetty with a
 * {@link WebhookFilter} in {@code processing=deferred} on the JDBC (PostgreSQL) and Redis inbox,
 * against the same endpoint in {@code sync} mode with an instant handler on the same store, both
 * with the kit's defaults. Latency is measured from each request's scheduled send time (an open
 * load, so a slow answer cannot hide the queue behind it); p50, p99 and max, and the ratio to sync.
 * Then the drain rate of the worker pool (default 4 workers): deliveries written through the guard
 * while no worker runs, then handled by a no-op handler, per second.
 *
 * <p>Arguments: requests per second (default 200), measured seconds per run (default 10), drained
 * deliveries (default 5000).
 */
public final class DeferredBenchmark {
  static final String SECRET = "It's a Secret to Everybody";
  static final byte[] BODY = body();

  private DeferredBenchmark() {}

  private static byte[] body() {
    StringBuilder b = new StringBuilder("{\"action\":\"opened\",\"pad\":\"");
    while (b.length() < 1000) {
      b.append("0123456789abcdef");
    }
    return b.append("\"}").toString().getBytes(StandardCharsets.UTF_8);
  }

  /** Answers at once: the sync baseline's handler. */
  public static class Instant200 extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) {
      resp.setStatus(200);
    }
  }

  static Map<String, String> signed(String id) {
    EndpointConfig signer =
        EndpointConfig.builder("signer")
            .provider("github")
            .secrets(SECRET)
            .idempotencyEnabled(false)
            .build();
    Map<String, String> h =
        new LinkedHashMap<>(
            signer
                .rules()
                .signatureScheme()
                .sign(new SigningInput(BODY, id, Instant.now()), Secret.of("s", SECRET)));
    h.put("X-GitHub-Delivery", id);
    h.put("X-GitHub-Event", "pull_request");
    h.put("Content-Type", "application/json");
    return h;
  }

  private static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private static Server jetty(IdempotencyStore store, Processing mode) throws Exception {
    ServletContextHandler context = new ServletContextHandler("/");
    context.setAttribute(WebhookFilter.STORE_ATTRIBUTE, store);
    context.addServlet(Instant200.class, "/hooks/*");
    FilterHolder filter;
    if (mode == Processing.SYNC) {
      filter = new FilterHolder(WebhookFilter.class);
    } else {
      context.addEventListener(new WebhookInboxListener());
      filter = new FilterHolder(new WebhookFilter(event -> {}));
    }
    filter.setName("bench");
    filter.setInitParameters(
        Map.of("provider", "github", "secrets", SECRET, "processing", mode.code()));
    context.addFilter(filter, "/hooks/bench", EnumSet.of(DispatcherType.REQUEST));
    Server server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    server.setHandler(context);
    server.start();
    return server;
  }

  /** Latencies in microseconds of an open load at {@code rate} per second for {@code seconds}. */
  static long[] load(URI uri, int rate, int seconds) throws Exception {
    ExecutorService executor = Executors.newFixedThreadPool(4);
    HttpClient client =
        HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(executor).build();
    int n = rate * seconds;
    List<HttpRequest> requests = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      HttpRequest.Builder b =
          HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofByteArray(BODY));
      signed(UUID.randomUUID().toString()).forEach(b::header);
      requests.add(b.build());
    }
    long[] micros = new long[n];
    AtomicInteger failures = new AtomicInteger();
    CountDownLatch done = new CountDownLatch(n);
    ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
    long period = 1_000_000_000L / rate;
    long start = System.nanoTime() + 50_000_000;
    for (int i = 0; i < n; i++) {
      int k = i;
      long due = start + k * period;
      clock.schedule(
          () -> {
            CompletableFuture<HttpResponse<Void>> f =
                client.sendAsync(requests.get(k), HttpResponse.BodyHandlers.discarding());
            f.whenComplete(
                (r, e) -> {
                  micros[k] = (System.nanoTime() - due) / 1_000;
                  if (e != null || r.statusCode() / 100 != 2) {
                    failures.incrementAndGet();
                  }
                  done.countDown();
                });
          },
          due - System.nanoTime(),
          TimeUnit.NANOSECONDS);
    }
    if (!done.await(seconds + 60L, TimeUnit.SECONDS)) {
      throw new IllegalStateException("answers missing");
    }
    clock.shutdown();
    executor.shutdown();
    if (failures.get() > 0) {
      throw new IllegalStateException(failures.get() + " requests were not answered 2xx");
    }
    Arrays.sort(micros);
    return micros;
  }

  static long pct(long[] sorted, double p) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
  }

  /** Writes deliveries through the guard with no worker running, then times their handling. */
  private static double drain(IdempotencyStore store, int count) throws Exception {
    EndpointConfig config =
        EndpointConfig.builder("drain-" + UUID.randomUUID().toString().substring(0, 8))
            .provider("github")
            .secrets(SECRET)
            .processing(Processing.DEFERRED)
            .build();
    WebhookGuard guard = WebhookGuard.builder(config).idempotencyStore(store).build();
    for (int i = 0; i < count; i++) {
      WebhookRequest.Builder b = WebhookRequest.builder().remoteAddress("127.0.0.1").body(BODY);
      signed(UUID.randomUUID().toString()).forEach(b::header);
      Decision d = guard.inspect(b.build());
      if (!(d instanceof Decision.Respond r) || r.status() != 202) {
        throw new IllegalStateException("not queued: " + d);
      }
    }
    AtomicInteger handled = new AtomicInteger();
    CountDownLatch all = new CountDownLatch(count);
    long start;
    try (WebhookWorkers workers = WebhookWorkers.builder((DeliveryInbox) store).build()) {
      workers.register(
          config,
          e -> {
            handled.incrementAndGet();
            all.countDown();
          });
      start = System.nanoTime();
      workers.start();
      if (!all.await(300, TimeUnit.SECONDS)) {
        throw new IllegalStateException("drained only " + handled.get());
      }
    }
    return count / ((System.nanoTime() - start) / 1e9);
  }

  public static void main(String[] args) throws Exception {
    int rate = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    int drainCount = args.length > 2 ? Integer.parseInt(args[2]) : 5000;
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");

    EmbeddedPostgres postgres =
        EmbeddedPostgres.builder()
            .setDataDirectory(Files.createTempDirectory(Path.of("target"), "pg-deferred"))
            .start();
    HikariConfig hc = new HikariConfig();
    hc.setJdbcUrl("jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres");
    hc.setUsername("postgres");
    HikariDataSource pool = new HikariDataSource(hc);
    JdbcIdempotencyStore jdbc =
        JdbcIdempotencyStore.builder(pool).createTableIfMissing(true).build();
    int redisPort = freePort();
    RedisServer redis =
        RedisServer.newRedisServer()
            .port(redisPort)
            .bind("127.0.0.1")
            .setting("save \"\"")
            .setting("appendonly yes")
            .setting("appendfsync everysec")
            .build();
    redis.start();
    RedisIdempotencyStore redisStore =
        RedisIdempotencyStore.connect(
            "redis://127.0.0.1:" + redisPort, "bench:", Clock.systemUTC());
    try {
      System.out.printf(
          Locale.ROOT,
          "Answer latency at %d requests/s, %d s per run (1 KiB GitHub deliveries, Jetty 12, loopback)%n%n",
          rate,
          seconds);
      System.out.println("| store | mode | p50 | p99 | max | p50 vs sync | p99 vs sync |");
      System.out.println("|---|---|---:|---:|---:|---:|---:|");
      for (Map.Entry<String, IdempotencyStore> s :
          List.of(
              Map.entry("PostgreSQL (JDBC)", (IdempotencyStore) jdbc),
              Map.entry("Redis", (IdempotencyStore) redisStore))) {
        long[] sync = null;
        for (Processing mode : List.of(Processing.SYNC, Processing.DEFERRED)) {
          Server server = jetty(s.getValue(), mode);
          URI uri =
              URI.create(
                  "http://127.0.0.1:"
                      + ((ServerConnector) server.getConnectors()[0]).getLocalPort()
                      + "/hooks/bench");
          try {
            load(uri, rate, Math.max(2, seconds / 3)); // warm-up
            long[] l = load(uri, rate, seconds);
            if (mode == Processing.SYNC) {
              sync = l;
            }
            System.out.printf(
                Locale.ROOT,
                "| %s | %s | %.2f ms | %.2f ms | %.2f ms | %s | %s |%n",
                s.getKey(),
                mode.code(),
                pct(l, 0.50) / 1000.0,
                pct(l, 0.99) / 1000.0,
                l[l.length - 1] / 1000.0,
                mode == Processing.SYNC
                    ? "1.00×"
                    : String.format(Locale.ROOT, "%.2f×", pct(l, 0.50) / (double) pct(sync, 0.50)),
                mode == Processing.SYNC
                    ? "1.00×"
                    : String.format(Locale.ROOT, "%.2f×", pct(l, 0.99) / (double) pct(sync, 0.99)));
          } finally {
            server.stop();
          }
        }
      }
      System.out.println();
      System.out.printf(
          Locale.ROOT,
          "Drain rate of the worker pool (4 workers, no-op handler, %d deliveries)%n%n",
          drainCount);
      System.out.println("| inbox | deliveries/s |");
      System.out.println("|---|---:|");
      System.out.printf(Locale.ROOT, "| PostgreSQL (JDBC) | %.0f |%n", drain(jdbc, drainCount));
      System.out.printf(Locale.ROOT, "| Redis | %.0f |%n", drain(redisStore, drainCount));
      System.out.printf(
          Locale.ROOT,
          "| in-memory | %.0f |%n",
          drain(InMemoryIdempotencyStore.create(), drainCount));
    } finally {
      redisStore.close();
      redis.stop();
      pool.close();
      postgres.close();
    }
  }
}

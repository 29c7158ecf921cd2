package io.webhookkit.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.webhookkit.store.jdbc.JdbcIdempotencyStore;
import io.webhookkit.test.TestDelivery;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.postgresql.ds.PGSimpleDataSource;
import redis.embedded.RedisServer;

/**
 * Nothing answered 2xx is lost, proven by killing a real process: the receiving application ({@link
 * CrashReceiver}, deferred, JDBC inbox on a real PostgreSQL) runs in a JVM of its own and is killed
 * with SIGKILL at each of five points (after a worker's claim, after the inbox write before the
 * answer, after the answer, inside the handler, after the handler's effect before the completion)
 * and restarted; then the store itself is restarted under traffic. Runs on the PostgreSQL inbox
 * (plain and {@code transactional=true}) and on the Redis inbox (append-only file, {@code
 * appendfsync always}). A provider simulator sends deliveries (a third of them twice) and retries
 * on its schedule until it gets a 2xx. Afterwards every acknowledged delivery must be completed,
 * none missing and none left queued; handler runs and effects are counted per delivery and the
 * duplicates reported. With {@code transactional=true} every completed delivery has exactly one
 * effect.
 *
 * <p>CI runs the short version; {@code -Dcrash.deliveries=2000 -Dcrash.rounds=4} is the README's
 * full run.
 */
class InboxCrashTest {
  private static final List<String> POINTS =
      List.of("claim", "before-answer", "after-answer", "handler", "after-handler");
  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(1))
          .build();

  private EmbeddedPostgres postgres;
  private RedisServer redis; // null on the PostgreSQL inbox
  private int redisPort;
  private Path redisDir;
  private Path data;
  private int pgPort;
  private volatile Process child;
  private final List<String> kills = new ArrayList<>();
  private final AtomicInteger starts = new AtomicInteger();
  private final AtomicInteger lives = new AtomicInteger();

  @AfterEach
  void stopAll() throws Exception {
    Process p = child;
    if (p != null) {
      p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    if (postgres != null) {
      postgres.close();
    }
    if (redis != null) {
      redis.stop();
    }
  }

  /** Redis keeping an append-only file, fsynced on every write: what "nothing lost" needs. */
  private RedisServer redisServer() throws Exception {
    return RedisServer.newRedisServer()
        .port(redisPort)
        .bind("127.0.0.1")
        .setting("save \"\"")
        .setting("appendonly yes")
        .setting("appendfsync always")
        .setting("dir " + redisDir.toAbsolutePath())
        .build();
  }

  private void startPostgres(int port) throws Exception {
    EmbeddedPostgres.Builder b =
        EmbeddedPostgres.builder()
            .setPGStartupWait(Duration.ofSeconds(60))
            .setDataDirectory(data)
            .setCleanDataDirectory(false);
    if (port > 0) {
      b.setPort(port);
    }
    postgres = b.start();
    pgPort = postgres.getPort();
  }

  private PGSimpleDataSource dataSource() {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setServerNames(new String[] {"127.0.0.1"});
    ds.setPortNumbers(new int[] {pgPort});
    ds.setDatabaseName("postgres");
    ds.setUser("postgres");
    return ds;
  }

  private static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  /** Starts the receiver and waits for READY; returns its stdout for the crash line. */
  private BufferedReader startChild(int httpPort, String point, int n, boolean tx)
      throws Exception {
    String inbox = redis == null ? "postgresql" : "redis:" + redisPort;
    String java = ProcessHandle.current().info().command().orElse("java");
    int k = starts.incrementAndGet();
    Path log = Path.of("target", "crash-" + (tx ? "tx-" : "") + k + "-" + point + ".log");
    ProcessBuilder pb =
        new ProcessBuilder(
            java,
            "-Xmx256m",
            "-XX:TieredStopAtLevel=1",
            "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
            "-cp",
            System.getProperty("java.class.path"),
            CrashReceiver.class.getName(),
            Integer.toString(httpPort),
            Integer.toString(pgPort),
            point,
            Integer.toString(n),
            Boolean.toString(tx),
            inbox);
    pb.redirectError(log.toFile());
    Process p = pb.start();
    child = p;
    BufferedReader out =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    String line;
    while ((line = out.readLine()) != null && !line.startsWith("READY")) {
      // other output before READY is not expected; skip it
    }
    assertThat(line).as("receiver %s started (see %s)", point, log).startsWith("READY");
    return out;
  }

  @ParameterizedTest(name = "{0} inbox, transactional={1}")
  @CsvSource({"postgresql, false", "postgresql, true", "redis, false"})
  void everyAcknowledgedDeliveryIsCompletedAcrossKillsAndAStoreRestart(String store, boolean tx)
      throws Exception {
    int deliveries = Integer.getInteger("crash.deliveries", 150);
    int rounds = Integer.getInteger("crash.rounds", 1);
    data = Files.createTempDirectory(Path.of("target"), "pg-crash");
    startPostgres(0);
    JdbcIdempotencyStore.builder(dataSource()).createTableIfMissing(true).build();
    try (Connection c = dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE runs (delivery VARCHAR(100), pid BIGINT)");
      s.execute("CREATE TABLE effects (delivery VARCHAR(100), pid BIGINT)");
    }
    if (store.equals("redis")) {
      redisPort = freePort();
      redisDir = Files.createTempDirectory(Path.of("target"), "redis-crash");
      redis = redisServer();
      redis.start();
    }
    int httpPort = freePort();
    URI uri = URI.create("http://127.0.0.1:" + httpPort + "/hooks/orders");

    List<String> plan = new ArrayList<>();
    for (int r = 0; r < rounds; r++) {
      plan.addAll(POINTS);
    }
    AtomicInteger planned = new AtomicInteger();
    Thread supervisor =
        new Thread(
            () -> {
              try {
                while (true) {
                  int i = planned.get();
                  String point = i < plan.size() ? plan.get(i) : "none";
                  int n = 3 + ThreadLocalRandom.current().nextInt(8);
                  BufferedReader out = startChild(httpPort, point, n, tx);
                  lives.incrementAndGet();
                  if (point.equals("none")) {
                    return;
                  }
                  String line;
                  while ((line = out.readLine()) != null && !line.startsWith("CRASH-POINT")) {
                    // wait for the crash point
                  }
                  child.destroyForcibly().waitFor(); // SIGKILL, at the point
                  synchronized (kills) {
                    kills.add(point);
                  }
                  planned.incrementAndGet();
                }
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            },
            "crash-supervisor");
    supervisor.setDaemon(true);
    supervisor.start();

    Set<String> acked = ConcurrentHashMap.newKeySet();
    Set<String> gaveUp = ConcurrentHashMap.newKeySet();
    AtomicInteger duplicatesSent = new AtomicInteger();
    AtomicInteger refusedDuringOutage = new AtomicInteger();
    ExecutorService senders = Executors.newFixedThreadPool(6);
    AtomicInteger sent = new AtomicInteger();
    boolean storeRestarted = false;
    java.util.concurrent.CompletableFuture<Void> restart =
        java.util.concurrent.CompletableFuture.completedFuture(null);
    List<java.util.concurrent.Future<?>> inFlight = new ArrayList<>();
    // Send until every crash point was reached and at least the wanted number was sent.
    long sentWhenStoreBack = Long.MAX_VALUE / 2;
    while (planned.get() < plan.size()
        || sent.get() < deliveries
        || !storeRestarted
        || !restart.isDone()
        || sent.get() < sentWhenStoreBack + 40) {
      if (storeRestarted && restart.isDone() && sentWhenStoreBack == Long.MAX_VALUE / 2) {
        sentWhenStoreBack = sent.get();
      }
      String id = "d-" + sent.incrementAndGet();
      inFlight.add(
          senders.submit(
              () -> provider(uri, id, acked, gaveUp, duplicatesSent, refusedDuringOutage)));
      if (!storeRestarted && planned.get() >= plan.size() && lives.get() > plan.size()) {
        storeRestarted = true;
        // The store goes down under traffic (a receiver is up, deliveries keep coming), then
        // comes back on its port.
        restart =
            java.util.concurrent.CompletableFuture.runAsync(
                () -> {
                  try {
                    RedisServer r = redis;
                    if (r != null) {
                      r.stop();
                      LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(3));
                      redis = redisServer();
                      redis.start();
                      return;
                    }
                    postgres.close();
                    // An outage longer than the pool's 1 s connection timeout, so that requests
                    // meet it (a shorter one is only a pause: the pool waits it out).
                    LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(3));
                    startPostgres(pgPort);
                  } catch (Exception e) {
                    throw new IllegalStateException(e);
                  }
                });
      }
      // A steady rate of new deliveries, as a provider sends them (not a wait for a result).
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(15));
      if (sent.get() > deliveries * 50) {
        throw new AssertionError("crash points not reached; killed at " + kills);
      }
    }
    restart.get(120, TimeUnit.SECONDS);
    for (java.util.concurrent.Future<?> f : inFlight) {
      f.get(120, TimeUnit.SECONDS);
    }
    senders.shutdown();
    supervisor.join(60_000);

    Map<String, Long> open = awaitDrained();
    assertThat(open).as("deliveries left queued, processing or retrying").isEmpty();

    Map<String, String> states = states(acked);
    Map<String, Long> runs = counts("runs");
    Map<String, Long> effects = counts("effects");
    List<String> lost = new ArrayList<>();
    for (String id : acked) {
      String state = states.get("orders:" + id);
      if (!"C".equals(state) && !"D".equals(state)) {
        lost.add(id + "=" + state);
      }
    }
    long ranTwice = runs.values().stream().filter(v -> v > 1).count();
    long effectTwice = effects.values().stream().filter(v -> v > 1).count();
    String report =
        String.format(
            "crash test on the %s inbox, transactional=%s: sent %d (+%d duplicates), acknowledged %d, gave up %d,"
                + " kills %s, store restarted %s, 503 during outage %d, handler ran twice %d,"
                + " effect twice %d, lost %d",
            store,
            tx,
            sent.get(),
            duplicatesSent.get(),
            acked.size(),
            gaveUp.size(),
            kills,
            storeRestarted,
            refusedDuringOutage.get(),
            ranTwice,
            effectTwice,
            lost.size());
    System.out.println(report);
    Files.writeString(
        Path.of("target", "crash-report-" + store + (tx ? "-transactional" : "") + ".txt"), report);

    assertThat(kills).containsExactlyElementsOf(plan);
    assertThat(storeRestarted).isTrue();
    assertThat(refusedDuringOutage)
        .as("503 store_unavailable while PostgreSQL was down")
        .hasPositiveValue();
    assertThat(lost).as(report).isEmpty();
    assertThat(gaveUp).as("the simulator gave up on").isEmpty();
    for (String id : acked) {
      assertThat(runs.getOrDefault(id, 0L)).as("runs of %s", id).isGreaterThanOrEqualTo(1);
      if (tx) {
        assertThat(effects.getOrDefault(id, 0L)).as("effects of %s", id).isEqualTo(1);
      } else {
        assertThat(effects.getOrDefault(id, 0L)).as("effects of %s", id).isGreaterThanOrEqualTo(1);
      }
    }
    // Each interruption — a kill, or the store's outage (no claim succeeds during it, so only the
    // handlers already running can fail to complete) — catches at most the 4 workers between an
    // effect and its completion.
    assertThat(effectTwice).isLessThanOrEqualTo(4L * (kills.size() + 1));
  }

  /** Sends one delivery until a 2xx (re-signed per attempt), then a third of them once more. */
  private static void provider(
      URI uri,
      String id,
      Set<String> acked,
      Set<String> gaveUp,
      AtomicInteger duplicates,
      AtomicInteger refused) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    long backoff = 50;
    while (System.nanoTime() < deadline) {
      try {
        TestDelivery d = TestDelivery.standardWebhooks(Instances.SECRET).withId(id);
        HttpResponse<Void> r =
            CLIENT.send(
                java.net.http.HttpRequest.newBuilder(d.toHttpRequest(uri), (n, v) -> true)
                    .timeout(Duration.ofSeconds(5))
                    .build(),
                HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() / 100 == 2) {
          acked.add(id);
          if (ThreadLocalRandom.current().nextInt(3) == 0) {
            duplicates.incrementAndGet();
            CLIENT.send(
                TestDelivery.standardWebhooks(Instances.SECRET).withId(id).toHttpRequest(uri),
                HttpResponse.BodyHandlers.discarding());
          }
          return;
        }
        if (r.statusCode() == 503) {
          refused.incrementAndGet();
        }
      } catch (Exception connectionRefusedOrReset) {
        // the receiver is down (killed) or restarting: the provider retries
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(backoff)); // the provider's schedule
      backoff = Math.min(1_000, backoff * 2);
    }
    gaveUp.add(id);
  }

  /** Each acknowledged delivery's state in the inbox (absent: null). */
  private Map<String, String> states(Set<String> ids) throws Exception {
    if (redis == null) {
      return query("SELECT delivery_key, state FROM webhook_deliveries");
    }
    Map<String, String> out = new HashMap<>();
    RedisClient client = RedisClient.create("redis://127.0.0.1:" + redisPort);
    try (StatefulRedisConnection<String, String> c = client.connect()) {
      for (String id : ids) {
        String state = c.sync().hget("webhook:{orders}:d:orders:" + id, "state");
        if (state != null) {
          out.put("orders:" + id, state);
        }
      }
    } finally {
      client.shutdown();
    }
    return out;
  }

  private Map<String, Long> awaitDrained() throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    Map<String, Long> open;
    do {
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200)); // polling the store
      open = new HashMap<>();
      if (redis != null) {
        RedisClient client = RedisClient.create("redis://127.0.0.1:" + redisPort);
        try (StatefulRedisConnection<String, String> c = client.connect()) {
          for (String set : List.of("ready", "retry", "lease")) {
            long n = c.sync().zcard("webhook:{orders}:" + set);
            if (n > 0) {
              open.put(set, n);
            }
          }
        } finally {
          client.shutdown();
        }
        continue;
      }
      for (Map.Entry<String, String> e :
          query(
                  "SELECT state, COUNT(*) FROM webhook_deliveries WHERE state IN ('Q', 'R', 'P')"
                      + " GROUP BY state")
              .entrySet()) {
        open.put(e.getKey(), Long.parseLong(e.getValue()));
      }
    } while (!open.isEmpty() && System.nanoTime() < deadline);
    return open;
  }

  private Map<String, String> query(String sql) throws Exception {
    Map<String, String> out = new TreeMap<>();
    try (Connection c = dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        out.put(rs.getString(1), rs.getString(2));
      }
    }
    return out;
  }

  private Map<String, Long> counts(String table) throws Exception {
    Map<String, Long> out = new HashMap<>();
    for (Map.Entry<String, String> e :
        query("SELECT delivery, COUNT(*) FROM " + table + " GROUP BY delivery").entrySet()) {
      out.put(e.getKey(), Long.parseLong(e.getValue()));
    }
    return out;
  }
}

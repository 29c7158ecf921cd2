package io.webhookkit.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.webhookkit.core.idempotency.Acquisition;
import io.webhookkit.core.idempotency.IdempotencyStore;
import io.webhookkit.core.idempotency.InMemoryIdempotencyStore;
import io.webhookkit.store.jdbc.JdbcIdempotencyStore;
import io.webhookkit.store.redis.RedisIdempotencyStore;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import redis.embedded.RedisServer;

/**
 * Idempotency stores on real servers over loopback: a first delivery's acquire + complete, and a
 * duplicate's acquire (the replay of a completed delivery). Operations per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class StoreBenchmark {
  private static final String FINGERPRINT =
      "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
  private static final Duration LEASE = Duration.ofSeconds(60);
  private static final Duration RETENTION = Duration.ofDays(7);

  @Param({"memory", "redis", "postgresql"})
  public String store;

  private IdempotencyStore idempotency;
  private EmbeddedPostgres postgres;
  private HikariDataSource pool;
  private RedisServer redis;
  private final AtomicLong sequence = new AtomicLong();
  private String completedKey;

  @Setup(Level.Trial)
  public void start() throws Exception {
    switch (store) {
      case "memory" -> idempotency = InMemoryIdempotencyStore.create(Clock.systemUTC(), 10_000_000);
      case "redis" -> {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
          port = s.getLocalPort();
        }
        redis =
            RedisServer.newRedisServer().port(port).bind("127.0.0.1").setting("save \"\"").build();
        redis.start();
        idempotency =
            RedisIdempotencyStore.connect("redis://127.0.0.1:" + port, "bench:", Clock.systemUTC());
      }
      default -> {
        postgres =
            EmbeddedPostgres.builder()
                .setDataDirectory(Files.createTempDirectory(Path.of("target"), "pg-bench"))
                .start();
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres");
        config.setUsername("postgres");
        config.setMaximumPoolSize(8);
        pool = new HikariDataSource(config);
        idempotency = JdbcIdempotencyStore.builder(pool).createTableIfMissing(true).build();
      }
    }
    completedKey = "bench:completed";
    Acquisition a = idempotency.acquire(completedKey, FINGERPRINT, LEASE);
    idempotency.complete(completedKey, ((Acquisition.Acquired) a).ownerToken(), 200, RETENTION);
  }

  @TearDown(Level.Trial)
  public void stop() throws Exception {
    if (idempotency instanceof RedisIdempotencyStore) {
      ((RedisIdempotencyStore) idempotency).close();
    }
    if (redis != null) {
      redis.stop();
    }
    if (pool != null) {
      pool.close();
    }
    if (postgres != null) {
      postgres.close();
    }
  }

  /** A first delivery: claim it, then record it completed. */
  @Benchmark
  public boolean acquireAndComplete() {
    String key = "bench:" + sequence.incrementAndGet();
    Acquisition a = idempotency.acquire(key, FINGERPRINT, LEASE);
    return idempotency.complete(key, ((Acquisition.Acquired) a).ownerToken(), 200, RETENTION);
  }

  /** A duplicate of a completed delivery: one acquire that answers the stored status. */
  @Benchmark
  public Acquisition duplicate() {
    return idempotency.acquire(completedKey, FINGERPRINT, LEASE);
  }
}

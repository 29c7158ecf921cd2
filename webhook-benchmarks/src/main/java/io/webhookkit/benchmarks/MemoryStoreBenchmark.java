package io.webhookkit.benchmarks;

import io.webhookkit.core.idempotency.Acquisition;
import io.webhookkit.core.idempotency.InMemoryIdempotencyStore;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The in-memory store as the guard uses it, with its defaults ({@link
 * InMemoryIdempotencyStore#create()}: 100,000 entries, filled before measuring; the default
 * collector, heap pre-touched): a first delivery's claim and completion under a new key, and a
 * duplicate's claim. Run with {@code -t 1} and {@code -t 2}: the store is shared by the threads.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
public class MemoryStoreBenchmark {
  private static final String FINGERPRINT = "x3:00112233445566778899aabbccddeeff";
  private static final Duration LEASE = Duration.ofSeconds(60);
  private static final Duration RETENTION = Duration.ofDays(7);

  private InMemoryIdempotencyStore store;
  private final AtomicLong sequence = new AtomicLong();

  @Setup(Level.Trial)
  public void fill() {
    store = InMemoryIdempotencyStore.create();
    for (int i = 0; i < InMemoryIdempotencyStore.DEFAULT_MAXIMUM_SIZE; i++) {
      firstDelivery();
    }
    String key = "bench:duplicate";
    Acquisition.Acquired a = (Acquisition.Acquired) store.acquire(key, FINGERPRINT, LEASE);
    store.complete(key, a.ownerToken(), 200, RETENTION);
  }

  /** A new delivery: claimed, then completed. */
  @Benchmark
  public boolean firstDelivery() {
    String key = "bench:" + sequence.incrementAndGet();
    Acquisition a = store.acquire(key, FINGERPRINT, LEASE);
    return a instanceof Acquisition.Acquired acquired
        && store.complete(key, acquired.ownerToken(), 200, RETENTION);
  }

  /** A completed delivery's retry. */
  @Benchmark
  public Acquisition duplicate() {
    return store.acquire("bench:duplicate", FINGERPRINT, LEASE);
  }
}

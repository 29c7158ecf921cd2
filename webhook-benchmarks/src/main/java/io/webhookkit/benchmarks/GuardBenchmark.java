package io.webhookkit.benchmarks;

import io.webhookkit.core.Decision;
import io.webhookkit.core.EndpointConfig;
import io.webhookkit.core.Secret;
import io.webhookkit.core.WebhookGuard;
import io.webhookkit.core.WebhookRequest;
import io.webhookkit.core.idempotency.InMemoryIdempotencyStore;
import io.webhookkit.core.signature.SigningInput;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
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
 * The whole guard at 1 KiB — size, address, signature, timestamp, payload and id, in-memory
 * idempotency — for a GitHub delivery with a new id each time, settled 2xx; against the same limit
 * as {@link VerificationBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class GuardBenchmark {
  private static final String SECRET = "It's a Secret to Everybody";

  private byte[] body;
  private Map<String, String> headers;
  private WebhookGuard guard;
  private long sequence;
  private Mac limitMac;
  private byte[] limitExpected;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    body = VerificationBenchmark.json(1024);
    EndpointConfig config =
        EndpointConfig.builder("github").provider("github").secrets(SECRET).build();
    guard =
        WebhookGuard.builder(config)
            .idempotencyStore(InMemoryIdempotencyStore.create(Clock.systemUTC(), 5_000_000))
            .build();
    headers =
        config
            .rules()
            .signatureScheme()
            .sign(new SigningInput(body, "x", Instant.now()), Secret.of("s", SECRET));
    limitMac = Mac.getInstance("HmacSHA256");
    limitMac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    limitExpected = limitMac.doFinal(body);
    if (!(inspect() instanceof Decision.Proceed)) {
      throw new IllegalStateException("the guard did not let a valid delivery through in set-up");
    }
  }

  /** The limit at 1 KiB (as in VerificationBenchmark). */
  @Benchmark
  public boolean limit() {
    return MessageDigest.isEqual(limitMac.doFinal(body), limitExpected);
  }

  /** A new delivery through the whole guard, settled 2xx. */
  @Benchmark
  public Decision fullGuard() {
    return inspect();
  }

  private Decision inspect() {
    WebhookRequest.Builder b =
        WebhookRequest.builder()
            .remoteAddress("127.0.0.1")
            .header("Content-Type", "application/json")
            .header("X-GitHub-Event", "push")
            .header("X-GitHub-Delivery", Long.toString(++sequence))
            .body(body);
    headers.forEach(b::header);
    Decision d = guard.inspect(b.build());
    if (d instanceof Decision.Proceed proceed) {
      proceed.ticket().settle(200);
    }
    return d;
  }
}

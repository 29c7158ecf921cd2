package io.webhookkit.benchmarks;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import io.webhookkit.core.EndpointConfig;
import io.webhookkit.core.WebhookRequest;
import io.webhookkit.core.provider.Payload;
import io.webhookkit.core.provider.ProviderRules;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The body's one pass (well-formedness plus the values a preset reads; Stripe's {@code id} and
 * {@code type}) against Jackson's streaming parser walking every token of the same bytes, the least
 * any Jackson-based check does. Divide the body size by the time for bytes per second.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
public class JsonScanBenchmark {
  private static final JsonFactory JACKSON = JsonFactory.builder().build();

  @Param({"1024", "16384", "262144"})
  public int size;

  @Param({"ascii", "utf8"})
  public String text;

  private WebhookRequest request;
  private ProviderRules rules;
  private byte[] body;

  @Setup(Level.Trial)
  public void setUp() {
    body = VerificationBenchmark.json(size, text.equals("ascii"));
    request =
        WebhookRequest.builder().header("Content-Type", "application/json").body(body).build();
    rules = EndpointConfig.builder("stripe").provider("stripe").secrets("whsec_x").build().rules();
    if (!kitScan().isWellFormed() || kitScan().json("id").isEmpty()) {
      throw new IllegalStateException("the scan did not read the body");
    }
  }

  /** The kit's one pass: well-formed, and Stripe's id and type picked out. */
  @Benchmark
  public Payload kitScan() {
    return rules.parse(request);
  }

  /** Jackson's streaming parser over every token (no values kept). */
  @Benchmark
  public int jacksonTokens() throws IOException {
    int n = 0;
    try (JsonParser p = JACKSON.createParser(body)) {
      while (p.nextToken() != null) {
        n++;
      }
    }
    return n;
  }
}

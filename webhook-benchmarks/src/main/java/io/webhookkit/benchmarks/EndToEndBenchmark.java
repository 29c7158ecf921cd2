package io.webhookkit.benchmarks;

import io.webhookkit.core.EndpointConfig;
import io.webhookkit.core.Secret;
import io.webhookkit.core.WebhookGuard;
import io.webhookkit.core.idempotency.InMemoryIdempotencyStore;
import io.webhookkit.core.signature.SigningInput;
import io.webhookkit.servlet.WebhookFilter;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * End to end over loopback: one Jetty, the same servlet at {@code /plain} (no guard) and at {@code
 * /hooks/github} (behind {@link WebhookFilter}: signature, JSON, in-memory idempotency), driven by
 * keep-alive connections sending pre-signed 1 KiB GitHub deliveries with distinct ids. Rounds
 * alternate plain and guarded in the same run; the report gives requests/s, p99 latency and the
 * ratio. Arguments: seconds per round (default 5), rounds (3), connections (8).
 */
public final class EndToEndBenchmark {
  private static final String SECRET = "It's a Secret to Everybody";

  private EndToEndBenchmark() {}

  /** The application: reads the body, answers 200. */
  public static class App extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
      req.getInputStream().readAllBytes();
      resp.setStatus(200);
      resp.setContentLength(2);
      resp.getOutputStream().write(new byte[] {'o', 'k'});
    }
  }

  /** Runs the comparison and prints a markdown table. */
  public static void main(String[] args) throws Exception {
    int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    int connections = args.length > 2 ? Integer.parseInt(args[2]) : 8;
    byte[] body = VerificationBenchmark.json(1024);
    EndpointConfig config =
        EndpointConfig.builder("github").provider("github").secrets(SECRET).build();
    WebhookGuard guard =
        WebhookGuard.builder(config)
            .idempotencyStore(InMemoryIdempotencyStore.create(Clock.systemUTC(), 20_000_000))
            .build();
    Map<String, String> signature =
        config
            .rules()
            .signatureScheme()
            .sign(new SigningInput(body, "x", Instant.now()), Secret.of("s", SECRET));

    Server server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler("/");
    context.addServlet(App.class, "/plain");
    context.addServlet(App.class, "/hooks/github");
    context.addFilter(
        new FilterHolder(new WebhookFilter(guard)),
        "/hooks/github",
        EnumSet.of(DispatcherType.REQUEST));
    WebhookGuard verifyOnly =
        WebhookGuard.of(
            EndpointConfig.builder("github-verify-only")
                .provider("github")
                .secrets(SECRET)
                .idempotencyEnabled(false)
                .build());
    context.addServlet(App.class, "/hooks/verify-only");
    context.addFilter(
        new FilterHolder(new WebhookFilter(verifyOnly)),
        "/hooks/verify-only",
        EnumSet.of(DispatcherType.REQUEST));
    server.setHandler(context);
    server.start();
    int port = connector.getLocalPort();
    try {
      run("/plain", port, body, signature, 2, connections); // warm-up
      run("/hooks/github", port, body, signature, 2, connections);
      List<double[]> plain = new ArrayList<>();
      List<double[]> guarded = new ArrayList<>();
      List<double[]> verifyOnlyRounds = new ArrayList<>();
      for (int r = 0; r < rounds; r++) {
        plain.add(run("/plain", port, body, signature, seconds, connections));
        guarded.add(run("/hooks/github", port, body, signature, seconds, connections));
        verifyOnlyRounds.add(
            run("/hooks/verify-only", port, body, signature, seconds, connections));
      }
      double v = verifyOnlyRounds.stream().mapToDouble(x -> x[0]).average().orElse(0);
      double p99v = verifyOnlyRounds.stream().mapToDouble(x -> x[1]).average().orElse(0);
      double p = plain.stream().mapToDouble(x -> x[0]).average().orElse(0);
      double g = guarded.stream().mapToDouble(x -> x[0]).average().orElse(0);
      double p99p = plain.stream().mapToDouble(x -> x[1]).average().orElse(0);
      double p99g = guarded.stream().mapToDouble(x -> x[1]).average().orElse(0);
      System.out.println(
          "| end to end, 1 KiB, "
              + connections
              + " connections, "
              + rounds
              + " × "
              + seconds
              + " s alternating | unguarded | guarded | ratio |");
      System.out.println("|---|---|---|---|");
      System.out.printf(
          Locale.ROOT,
          "| Jetty 12.1 + WebhookFilter: requests/s | %,.0f | %,.0f | **%.2f×** |%n",
          p,
          g,
          g / p);
      System.out.printf(
          Locale.ROOT,
          "| Jetty 12.1 + WebhookFilter: p99 latency | %.2f ms | %.2f ms | %.2f× |%n",
          p99p,
          p99g,
          p99g / p99p);
      System.out.printf(
          Locale.ROOT,
          "| same, idempotency off (signature + JSON check only): requests/s | %,.0f | %,.0f | **%.2f×** |%n",
          p,
          v,
          v / p);
      System.out.printf(
          Locale.ROOT,
          "| same, idempotency off: p99 latency | %.2f ms | %.2f ms | %.2f× |%n",
          p99p,
          p99v,
          p99v / p99p);
    } finally {
      server.stop();
    }
  }

  /** One round: requests/s and p99 latency in ms. */
  private static double[] run(
      String path,
      int port,
      byte[] body,
      Map<String, String> signature,
      int seconds,
      int connections)
      throws Exception {
    AtomicLong ids = new AtomicLong(System.nanoTime());
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    List<Thread> threads = new ArrayList<>();
    List<long[]> latencies = new ArrayList<>();
    long[] counts = new long[connections];
    for (int c = 0; c < connections; c++) {
      long[] mine = new long[4_000_000];
      latencies.add(mine);
      int slot = c;
      Thread t =
          new Thread(
              () -> {
                try (Socket socket = new Socket()) {
                  socket.setTcpNoDelay(true);
                  socket.connect(new InetSocketAddress("127.0.0.1", port));
                  OutputStream out = socket.getOutputStream();
                  InputStream in = new BufferedInputStream(socket.getInputStream());
                  int n = 0;
                  while (System.nanoTime() < end && n < mine.length) {
                    byte[] request =
                        request(path, port, body, signature, Long.toString(ids.incrementAndGet()));
                    long t0 = System.nanoTime();
                    out.write(request);
                    out.flush();
                    readResponse(in);
                    mine[n++] = System.nanoTime() - t0;
                  }
                  counts[slot] = n;
                } catch (IOException e) {
                  throw new IllegalStateException(e);
                }
              });
      threads.add(t);
    }
    long start = System.nanoTime();
    threads.forEach(Thread::start);
    for (Thread t : threads) {
      t.join();
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    long total = Arrays.stream(counts).sum();
    long[] all = new long[(int) total];
    int k = 0;
    for (int c = 0; c < connections; c++) {
      System.arraycopy(latencies.get(c), 0, all, k, (int) counts[c]);
      k += (int) counts[c];
    }
    Arrays.sort(all);
    double p99 =
        all.length == 0
            ? 0
            : all[(int) Math.min(all.length - 1, Math.floor(all.length * 0.99))] / 1e6;
    return new double[] {total / elapsed, p99};
  }

  private static byte[] request(
      String path, int port, byte[] body, Map<String, String> signature, String id) {
    StringBuilder head = new StringBuilder(256);
    head.append("POST ")
        .append(path)
        .append(" HTTP/1.1\r\nHost: 127.0.0.1:")
        .append(port)
        .append("\r\n");
    head.append("Content-Type: application/json\r\nX-GitHub-Event: push\r\nX-GitHub-Delivery: ")
        .append(id)
        .append("\r\n");
    signature.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
    head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
    byte[] h = head.toString().getBytes(StandardCharsets.ISO_8859_1);
    byte[] all = Arrays.copyOf(h, h.length + body.length);
    System.arraycopy(body, 0, all, h.length, body.length);
    return all;
  }

  private static void readResponse(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream(256);
    int matched = 0;
    while (matched < 4) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("connection closed");
      }
      head.write(b);
      matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    String text = head.toString(StandardCharsets.ISO_8859_1);
    if (!text.startsWith("HTTP/1.1 200")) {
      throw new IOException("unexpected answer: " + text.lines().findFirst().orElse(""));
    }
    int at = text.toLowerCase(Locale.ROOT).indexOf("content-length:");
    int length = Integer.parseInt(text.substring(at + 15, text.indexOf('\r', at)).trim());
    in.readNBytes(length);
  }
}

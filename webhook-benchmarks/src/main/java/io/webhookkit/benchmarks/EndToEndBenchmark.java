package io.webhookkit.benchmarks;

import io.webhookkit.benchmarks.boot.BenchmarkApplication;
import io.webhookkit.core.EndpointConfig;
import io.webhookkit.core.Secret;
import io.webhookkit.core.WebhookGuard;
import io.webhookkit.core.signature.SigningInput;
import io.webhookkit.servlet.WebhookFilter;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * End to end over loopback, driven by {@code wrk} in its own process: pre-signed 1 KiB GitHub
 * deliveries, each with a new delivery id, against the same application with and without the guard
 * — a servlet on Jetty 12.1 with and without {@link WebhookFilter}, and a Spring Boot 4.1
 * controller with and without {@code @WebhookEndpoint}. Every round runs each target once,
 * alternating which of a pair goes first; the report gives requests/s, p99 latency, the server
 * process's CPU time per request (all its threads, over each wrk run), and the guarded/unguarded
 * ratios with the requests/s spread over rounds. Any non-2xx answer or socket error fails the run.
 * Both sides of a pair run in this one JVM, so the collector's pauses stall both: compare their
 * absolute p99 across commits as well as their ratio.
 *
 * <p>Arguments: seconds per run (default 5), rounds (3), connections (8). The guards use the
 * default in-memory idempotency store, as an application that configures nothing gets it; logging
 * is off (slf4j-nop), as for the unguarded application.
 */
public final class EndToEndBenchmark {
  private static final String SECRET = "It's a Secret to Everybody";

  /** The server's process: its CPU time (all threads, GC and compiler included) per run. */
  private static final com.sun.management.OperatingSystemMXBean CPU =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  private EndToEndBenchmark() {}

  /** The servlet application: reads the body, answers 200. */
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

  private record Target(String label, int port, String path) {}

  /** One wrk run: its throughput and p99, and the server process's CPU time per request. */
  private record Run(double requestsPerSecond, double p99Millis, double cpuMicrosPerRequest) {}

  /** Runs the comparison and prints a markdown table. */
  public static void main(String[] args) throws Exception {
    int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    int connections = args.length > 2 ? Integer.parseInt(args[2]) : 8;

    byte[] body = VerificationBenchmark.json(1024);
    Path work = Files.createTempDirectory("webhook-e2e");
    Path bodyFile = Files.write(work.resolve("body.json"), body);
    Path script = work.resolve("deliveries.lua");
    try (InputStream in =
        Objects.requireNonNull(
            EndToEndBenchmark.class.getResourceAsStream("deliveries.lua"), "deliveries.lua")) {
      Files.copy(in, script);
    }
    EndpointConfig config =
        EndpointConfig.builder("github").provider("github").secrets(SECRET).build();
    Map<String, String> signature =
        config
            .rules()
            .signatureScheme()
            .sign(new SigningInput(body, "x", Instant.now()), Secret.of("s", SECRET));
    Map.Entry<String, String> header = signature.entrySet().iterator().next();

    Server jetty = startJetty(config);
    int jettyPort = ((ServerConnector) jetty.getConnectors()[0]).getLocalPort();
    System.setProperty("org.springframework.boot.logging.LoggingSystem", "none");
    Logger.getLogger("").setLevel(Level.WARNING);
    ConfigurableApplicationContext spring =
        new SpringApplicationBuilder(BenchmarkApplication.class)
            .properties(
                "server.address=127.0.0.1",
                "server.port=0",
                "spring.main.banner-mode=off",
                "webhook.endpoints.github.provider=github",
                "webhook.endpoints.github.secrets=" + SECRET)
            .run();
    int springPort = ((WebServerApplicationContext) spring).getWebServer().getPort();

    List<Target[]> all =
        List.of(
            new Target[] {
              new Target("Jetty 12.1 servlet", jettyPort, "/plain"),
              new Target("+ WebhookFilter", jettyPort, "/hooks/github")
            },
            new Target[] {
              new Target("Jetty 12.1 servlet", jettyPort, "/plain"),
              new Target("+ WebhookFilter, idempotency off", jettyPort, "/hooks/verify-only")
            },
            new Target[] {
              new Target("Spring Boot 4.1 controller (Tomcat)", springPort, "/plain"),
              new Target("+ @WebhookEndpoint", springPort, "/hooks/github")
            });
    // -De2e.only=WORD keeps the pairs whose guarded label contains WORD (e.g. "idempotency off").
    String only = System.getProperty("e2e.only", "");
    List<Target[]> pairs =
        all.stream().filter(p -> (p[0].label() + " " + p[1].label()).contains(only)).toList();
    Wrk wrk = new Wrk(script, bodyFile, header.getKey(), header.getValue(), connections, seconds);
    try {
      for (Target[] pair : pairs) {
        wrk.run(pair[0]);
        wrk.run(pair[1]);
      }
      // results.get(pair)[0] unguarded, [1] guarded, one run per round each.
      List<List<List<Run>>> results = new ArrayList<>();
      pairs.forEach(p -> results.add(List.of(new ArrayList<>(), new ArrayList<>())));
      for (int r = 0; r < rounds; r++) {
        for (int i = 0; i < pairs.size(); i++) {
          int first = r % 2;
          results.get(i).get(first).add(wrk.run(pairs.get(i)[first]));
          results.get(i).get(1 - first).add(wrk.run(pairs.get(i)[1 - first]));
        }
      }
      print(pairs, results, rounds, seconds, connections);
    } finally {
      spring.close();
      jetty.stop();
    }
  }

  private static Server startJetty(EndpointConfig config) throws Exception {
    Server server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler("/");
    context.addServlet(App.class, "/plain");
    context.addServlet(App.class, "/hooks/github");
    context.addFilter(
        new FilterHolder(new WebhookFilter(WebhookGuard.of(config))),
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
    return server;
  }

  private static void print(
      List<Target[]> pairs, List<List<List<Run>>> results, int rounds, int seconds, int conns) {
    System.out.printf(
        Locale.ROOT,
        "| end to end, 1 KiB, wrk -t1 -c%d, %d rounds × %d s, alternating"
            + " | requests/s | p99 | server CPU per request"
            + " | guarded ÷ unguarded (rounds' range) |%n",
        conns,
        rounds,
        seconds);
    System.out.println("|---|---|---|---|---|");
    for (int i = 0; i < pairs.size(); i++) {
      Target[] pair = pairs.get(i);
      List<Run> plain = results.get(i).get(0);
      List<Run> guarded = results.get(i).get(1);
      double min = Double.MAX_VALUE;
      double max = 0;
      for (int r = 0; r < plain.size(); r++) {
        double ratio = guarded.get(r).requestsPerSecond() / plain.get(r).requestsPerSecond();
        min = Math.min(min, ratio);
        max = Math.max(max, ratio);
      }
      Run p = mean(plain);
      Run g = mean(guarded);
      System.out.printf(
          Locale.ROOT,
          "| %s | %,.0f | %.2f ms | %.1f µs | |%n",
          pair[0].label(),
          p.requestsPerSecond(),
          p.p99Millis(),
          p.cpuMicrosPerRequest());
      System.out.printf(
          Locale.ROOT,
          "| %s | %,.0f | %.2f ms | %.1f µs | **%.2f×** (%.2f–%.2f); p99 %.2f×;"
              + " CPU per request %.2f× |%n",
          pair[1].label(),
          g.requestsPerSecond(),
          g.p99Millis(),
          g.cpuMicrosPerRequest(),
          g.requestsPerSecond() / p.requestsPerSecond(),
          min,
          max,
          g.p99Millis() / p.p99Millis(),
          g.cpuMicrosPerRequest() / p.cpuMicrosPerRequest());
    }
  }

  private static Run mean(List<Run> runs) {
    return new Run(
        runs.stream().mapToDouble(Run::requestsPerSecond).average().orElse(0),
        runs.stream().mapToDouble(Run::p99Millis).average().orElse(0),
        runs.stream().mapToDouble(Run::cpuMicrosPerRequest).average().orElse(0));
  }

  /** Runs {@code wrk} with the delivery script and reads its result line. */
  private static final class Wrk {
    private final Path script;
    private final Path body;
    private final String header;
    private final String signature;
    private final int connections;
    private final int seconds;
    private int runs;

    Wrk(Path script, Path body, String header, String signature, int connections, int seconds) {
      this.script = script;
      this.body = body;
      this.header = header;
      this.signature = signature;
      this.connections = connections;
      this.seconds = seconds;
    }

    Run run(Target target) throws IOException, InterruptedException {
      long cpuBefore = CPU.getProcessCpuTime();
      String nonce = Long.toString(ProcessHandle.current().pid()) + "r" + ++runs;
      Process wrk =
          new ProcessBuilder(
                  "wrk",
                  "-t1",
                  "-c" + connections,
                  "-d" + seconds + "s",
                  "--timeout",
                  "10s",
                  "-s",
                  script.toString(),
                  "http://127.0.0.1:" + target.port(),
                  "--",
                  target.path(),
                  body.toString(),
                  header,
                  signature,
                  nonce)
              .redirectErrorStream(true)
              .start();
      String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      int exit = wrk.waitFor();
      long cpu = CPU.getProcessCpuTime() - cpuBefore;
      if (exit != 0) {
        throw new IllegalStateException("wrk failed:\n" + output);
      }
      String line =
          output
              .lines()
              .filter(l -> l.startsWith("RESULT "))
              .findFirst()
              .orElseThrow(() -> new IllegalStateException("no RESULT from wrk:\n" + output));
      String[] f = line.split(" ", -1);
      long requests = Long.parseLong(f[1]);
      long micros = Long.parseLong(f[2]);
      long non2xx = Long.parseLong(f[4]);
      long socketErrors = Long.parseLong(f[5]);
      if (requests == 0 || non2xx > 0 || socketErrors > 0) {
        throw new IllegalStateException(
            target.label() + " " + target.path() + ": " + line + " (non-2xx or socket errors)");
      }
      return new Run(
          requests / (micros / 1e6), Long.parseLong(f[3]) / 1000.0, cpu / 1e3 / requests);
    }
  }
}

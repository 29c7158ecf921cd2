package io.webhookkit.benchmarks;

import io.webhookkit.servlet.WebhookFilter;
import io.webhookkit.test.KafkaBroker;
import jakarta.servlet.DispatcherType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * {@code processing=forward} against {@code sync}, end to end over loopback: Jetty with a {@link
 * WebhookFilter} configured by init-params only, the kit's defaults (in-memory idempotency store,
 * the producer {@code acks=all}, idempotent), a local one-node Kafka broker in its own JVM on the
 * same two cores. {@code sync} answers from an instant servlet. Two loads, each measured for both
 * modes in the same run: closed (C connections sending new 1 KiB GitHub deliveries back to back:
 * deliveries/s and p99, after a warm-up as long as the run) and open (a fixed rate: p50/p99 from
 * each request's scheduled time).
 *
 * <p>Arguments: seconds per run (default 10), connections (default 8), open-load rate (default
 * 200/s).
 */
public final class ForwardBenchmark {
  private ForwardBenchmark() {}

  private static Server jetty(Map<String, String> keys) throws Exception {
    ServletContextHandler context = new ServletContextHandler("/");
    context.addServlet(DeferredBenchmark.Instant200.class, "/hooks/*");
    FilterHolder filter = new FilterHolder(WebhookFilter.class);
    filter.setName("bench");
    filter.setInitParameters(keys);
    context.addFilter(filter, "/hooks/bench", EnumSet.of(DispatcherType.REQUEST));
    Server server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    server.addConnector(connector);
    server.setHandler(context);
    server.start();
    return server;
  }

  private static URI uri(Server server) {
    return URI.create(
        "http://127.0.0.1:"
            + ((ServerConnector) server.getConnectors()[0]).getLocalPort()
            + "/hooks/bench");
  }

  /** Deliveries per second and the sorted latencies (µs) of a closed load. */
  private static Map.Entry<Double, long[]> closed(URI uri, int connections, int seconds)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(connections);
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    List<Future<List<Long>>> parts = new ArrayList<>();
    long start = System.nanoTime();
    for (int c = 0; c < connections; c++) {
      parts.add(
          pool.submit(
              () -> {
                HttpClient client =
                    HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                List<Long> micros = new ArrayList<>();
                while (System.nanoTime() < end) {
                  HttpRequest.Builder b =
                      HttpRequest.newBuilder(uri)
                          .POST(HttpRequest.BodyPublishers.ofByteArray(DeferredBenchmark.BODY));
                  DeferredBenchmark.signed(UUID.randomUUID().toString()).forEach(b::header);
                  long t = System.nanoTime();
                  HttpResponse<Void> r =
                      client.send(b.build(), HttpResponse.BodyHandlers.discarding());
                  if (r.statusCode() / 100 != 2) {
                    throw new IllegalStateException("answered " + r.statusCode());
                  }
                  micros.add((System.nanoTime() - t) / 1_000);
                }
                return micros;
              }));
    }
    List<Long> all = new ArrayList<>();
    for (Future<List<Long>> f : parts) {
      all.addAll(f.get());
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    pool.shutdown();
    long[] sorted = all.stream().mapToLong(Long::longValue).toArray();
    Arrays.sort(sorted);
    return Map.entry(sorted.length / elapsed, sorted);
  }

  public static void main(String[] args) throws Exception {
    int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    int connections = args.length > 1 ? Integer.parseInt(args[1]) : 8;
    int rate = args.length > 2 ? Integer.parseInt(args[2]) : 200;
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    try (KafkaBroker broker = KafkaBroker.start()) {
      broker.createTopic("webhooks.bench");
      Map<String, String> sync = Map.of("provider", "github", "secrets", DeferredBenchmark.SECRET);
      Map<String, String> forward = new LinkedHashMap<>(sync);
      forward.put("processing", "forward");
      forward.put("forward.kafka.bootstrap.servers", broker.bootstrapServers());
      Map<String, String> linger = new LinkedHashMap<>(forward);
      linger.put("forward.kafka.linger.ms", "5");
      List<Map.Entry<Map<String, String>, String>> modes =
          List.of(
              Map.entry(sync, "warm-up"),
              Map.entry(sync, "sync"),
              Map.entry(forward, "forward (the kit's defaults: linger.ms 0)"),
              Map.entry(linger, "forward, linger.ms 5 (Kafka's default)"),
              Map.entry(sync, "sync, again last"));
      System.out.printf(
          Locale.ROOT,
          "1 KiB GitHub deliveries, Jetty 12 + WebhookFilter, loopback; Kafka %s in its own JVM on"
              + " the same machine%n%n",
          org.apache.kafka.common.utils.AppInfoParser.getVersion());
      System.out.printf(
          Locale.ROOT,
          "| mode | closed load, %d connections: deliveries/s | p99 | open load %d/s: p50 | p99 |%n",
          connections,
          rate);
      System.out.println("|---|---:|---:|---:|---:|");
      double syncRate = 0;
      long syncP99 = 0;
      for (Map.Entry<Map<String, String>, String> mode : modes) {
        Map<String, String> keys = mode.getKey();
        Server server = jetty(keys);
        try {
          URI uri = uri(server);
          closed(uri, connections, Math.max(5, seconds)); // warm-up, as long as the run
          Map.Entry<Double, long[]> c = closed(uri, connections, seconds);
          long[] open = DeferredBenchmark.load(uri, rate, seconds);
          if (mode.getValue().equals("warm-up")) {
            // a whole sync run first: the JVM, the broker and the load driver settle
            closed(uri, connections, seconds);
            DeferredBenchmark.load(uri, rate, seconds);
            continue;
          }
          boolean isSync = keys == sync && syncRate == 0;
          long p99 = DeferredBenchmark.pct(c.getValue(), 0.99);
          if (isSync) {
            syncRate = c.getKey();
            syncP99 = p99;
          }
          System.out.printf(
              Locale.ROOT,
              "| %s | %,.0f (%.2f×) | %.2f ms (%.2f×) | %.2f ms | %.2f ms |%n",
              mode.getValue(),
              c.getKey(),
              c.getKey() / syncRate,
              p99 / 1000.0,
              p99 / (double) syncP99,
              DeferredBenchmark.pct(open, 0.50) / 1000.0,
              DeferredBenchmark.pct(open, 0.99) / 1000.0);
        } finally {
          server.stop();
        }
      }
    }
  }
}

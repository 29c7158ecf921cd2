package io.webhookkit.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns JMH's JSON results into markdown tables: time per verification, its ratio to the limit
 * measured in the same run, and bytes allocated per operation ({@code -prof gc}).
 */
public final class Report {
  private Report() {}

  private record Result(double ns, double error, double bytes) {}

  /** Prints the report for {@code args[0]}, a JMH JSON result file. */
  public static void main(String[] args) throws Exception {
    JsonNode all = new ObjectMapper().readTree(new File(args[0]));
    Map<String, Map<String, Result>> bySize =
        new TreeMap<>((a, b) -> Integer.compare(Integer.parseInt(a), Integer.parseInt(b)));
    Map<String, Result> guard = new LinkedHashMap<>();
    for (JsonNode r : all) {
      String benchmark = r.get("benchmark").asText();
      String name = benchmark.substring(benchmark.lastIndexOf('.') + 1);
      double ns = r.get("primaryMetric").get("score").asDouble();
      double error = r.get("primaryMetric").get("scoreError").asDouble();
      double bytes = Double.NaN;
      JsonNode secondary = r.get("secondaryMetrics");
      if (secondary != null) {
        for (var it = secondary.fields(); it.hasNext(); ) {
          var e = it.next();
          if (e.getKey().endsWith("gc.alloc.rate.norm")) {
            bytes = e.getValue().get("score").asDouble();
          }
        }
      }
      Result result = new Result(ns, error, bytes);
      if (benchmark.contains("VerificationBenchmark")) {
        String size = r.get("params").get("size").asText();
        bySize.computeIfAbsent(size, k -> new LinkedHashMap<>()).put(name, result);
      } else if (benchmark.contains("GuardBenchmark")) {
        guard.put(name, result);
      }
    }
    String[] columns = {
      "limit",
      "kitGithub",
      "kitStripe",
      "kitSlack",
      "kitStandardWebhooks",
      "sdkStripe",
      "sdkSlack",
      "sdkStandardWebhooks",
      "sdkSvix"
    };
    if (!bySize.isEmpty()) {
      System.out.println("| body | " + String.join(" | ", columns) + " |");
      System.out.println("|---|" + "---|".repeat(columns.length));
      bySize.forEach(
          (size, results) -> {
            Result limit = results.get("limit");
            StringBuilder row = new StringBuilder("| " + Integer.parseInt(size) / 1024 + " KiB |");
            for (String c : columns) {
              Result r = results.get(c);
              if (r == null) {
                row.append(" – |");
              } else if (c.equals("limit") || limit == null) {
                // Without the baseline in the same run there is no ratio: the raw numbers only.
                row.append(String.format(Locale.ROOT, " %,.0f ns, %s |", r.ns, bytes(r.bytes)));
              } else {
                row.append(
                    String.format(
                        Locale.ROOT,
                        " **%.2f×** (%,.0f ns, %s) |",
                        r.ns / limit.ns,
                        r.ns,
                        bytes(r.bytes)));
              }
            }
            System.out.println(row);
          });
    }
    Result limit = guard.get("limit");
    Result full = guard.get("fullGuard");
    if (limit == null || full == null) {
      if (!guard.isEmpty()) {
        // A selection without both (e.g. only fullGuard): no ratio to print; JMH printed the rest.
        System.out.println();
        System.out.println(
            "(guard table needs GuardBenchmark.limit and .fullGuard in the same run)");
      }
    } else {
      System.out.println();
      System.out.println("| 1 KiB | limit | full guard |");
      System.out.println("|---|---|---|");
      System.out.printf(
          Locale.ROOT,
          "| time, allocation | %,.0f ns, %s | **%.2f×** (%,.0f ns, %s) |%n",
          limit.ns,
          bytes(limit.bytes),
          full.ns / limit.ns,
          full.ns,
          bytes(full.bytes));
    }
  }

  private static String bytes(double b) {
    return Double.isNaN(b) ? "? B/op" : String.format(Locale.ROOT, "%,.0f B/op", b);
  }
}

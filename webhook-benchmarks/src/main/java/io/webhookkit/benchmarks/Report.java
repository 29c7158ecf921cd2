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
    // "size text" (e.g. "1024 ascii") -> benchmark -> result, by size then text
    Map<String, Map<String, Result>> bySize =
        new TreeMap<>(
            (a, b) -> {
              int c =
                  Integer.compare(
                      Integer.parseInt(a.split(" ")[0]), Integer.parseInt(b.split(" ")[0]));
              return c != 0 ? c : a.compareTo(b);
            });
    // provider -> size -> benchmark -> result
    Map<String, Map<String, Map<String, Result>>> guard = new LinkedHashMap<>();
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
        JsonNode params = r.get("params");
        String key =
            params.get("size").asText()
                + " "
                + (params.has("text") ? params.get("text").asText() : "utf8");
        bySize.computeIfAbsent(key, k -> new LinkedHashMap<>()).put(name, result);
      } else if (benchmark.contains("GuardBenchmark")) {
        guard
            .computeIfAbsent(
                r.get("params").get("provider").asText(),
                k ->
                    new TreeMap<>(
                        (a, b) -> Integer.compare(Integer.parseInt(a), Integer.parseInt(b))))
            .computeIfAbsent(r.get("params").get("size").asText(), k -> new LinkedHashMap<>())
            .put(name, result);
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
            String[] parts = size.split(" ");
            StringBuilder row =
                new StringBuilder(
                    "| " + Integer.parseInt(parts[0]) / 1024 + " KiB, " + parts[1] + " |");
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
    if (!guard.isEmpty()) {
      System.out.println();
      System.out.println(
          "| whole guard | body | limit | new id (net of sender) | duplicate | new id: allocated"
              + " (net) |");
      System.out.println("|---|---|---|---|---|---|");
      guard.forEach(
          (provider, sizes) ->
              sizes.forEach(
                  (size, results) -> {
                    Result limit = results.get("limit");
                    Result fresh = results.get("guardNew");
                    Result sender = results.get("sender");
                    Result dup = results.get("guardDuplicate");
                    if (limit == null) {
                      return;
                    }
                    String newCell = "–";
                    String allocCell = "–";
                    if (fresh != null && sender != null) {
                      double net = fresh.ns - sender.ns;
                      newCell =
                          String.format(Locale.ROOT, "**%.2f×** (%,.0f ns)", net / limit.ns, net);
                      allocCell = bytes(fresh.bytes - sender.bytes);
                    }
                    String dupCell =
                        dup == null
                            ? "–"
                            : String.format(
                                Locale.ROOT,
                                "**%.2f×** (%,.0f ns, %s)",
                                dup.ns / limit.ns,
                                dup.ns,
                                bytes(dup.bytes));
                    System.out.printf(
                        Locale.ROOT,
                        "| %s | %d KiB | %,.0f ns | %s | %s | %s |%n",
                        provider,
                        Integer.parseInt(size) / 1024,
                        limit.ns,
                        newCell,
                        dupCell,
                        allocCell);
                  }));
    }
  }

  private static String bytes(double b) {
    return Double.isNaN(b) ? "? B/op" : String.format(Locale.ROOT, "%,.0f B/op", b);
  }
}

package io.webhookkit.test;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A command-line sender that signs like the real provider:
 *
 * <pre>
 * send --provider github --secret s3cr3t --url http://127.0.0.1:8080/hooks/github --event push payload.json
 * </pre>
 *
 * Options: {@code --id} (default: random), {@code --content-type} (default {@code
 * application/json}), {@code --retry
 * exponential|fixed|fibonacci|stripe|standard-webhooks|slack|none} (default none), {@code
 * --time-scale} (default 1), and {@code --key name=value} for the generic {@code hmac} scheme's
 * keys. Prints each attempt and exits 0 when the delivery was accepted.
 */
public final class Send {
  private Send() {}

  /** Runs the sender. */
  public static void main(String[] args) throws Exception {
    System.exit(run(args, System.out));
  }

  static int run(String[] args, PrintStream out) throws Exception {
    Map<String, String> options = new LinkedHashMap<>();
    Map<String, String> keys = new LinkedHashMap<>();
    List<String> files = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.startsWith("--")) {
        if (i + 1 >= args.length) {
          return usage(out, "missing value for " + a);
        }
        String value = args[++i];
        if (a.equals("--key")) {
          int eq = value.indexOf('=');
          if (eq <= 0) {
            return usage(out, "--key takes name=value");
          }
          keys.put(value.substring(0, eq), value.substring(eq + 1));
        } else {
          options.put(a.substring(2), value);
        }
      } else {
        files.add(a);
      }
    }
    String provider = options.get("provider");
    String secret = options.get("secret");
    String url = options.get("url");
    if (provider == null || secret == null || url == null || files.size() != 1) {
      return usage(out, "--provider, --secret, --url and one payload file are required");
    }
    byte[] body = Files.readAllBytes(Path.of(files.get(0)));
    TestDelivery delivery =
        provider.equals("hmac")
            ? TestDelivery.hmac(secret, keys)
            : TestDelivery.of(provider, secret);
    delivery =
        delivery
            .withBody(body)
            .withContentType(options.getOrDefault("content-type", "application/json"));
    if (options.containsKey("event")) {
      delivery = delivery.withEventType(options.get("event"));
    }
    if (options.containsKey("id")) {
      delivery = delivery.withId(options.get("id"));
    }
    RetrySchedule schedule = schedule(options.getOrDefault("retry", "none"));
    ProviderSimulator simulator =
        ProviderSimulator.builder()
            .schedule(schedule)
            .timeScale(Double.parseDouble(options.getOrDefault("time-scale", "1")))
            .build();
    ProviderSimulator.DeliveryLog log = simulator.deliver(URI.create(url), delivery);
    for (ProviderSimulator.Attempt attempt : log.attempts()) {
      out.printf(
          "attempt %d after %s: %s%s%n",
          attempt.number(),
          attempt.delay(),
          attempt.status() == 0 ? attempt.error() : Integer.toString(attempt.status()),
          attempt.reason() == null ? "" : " (" + attempt.reason() + ")");
    }
    // Stripe and Slack carry the id in the payload itself; the other presets in a header.
    boolean idInPayload = provider.equals("stripe") || provider.equals("slack");
    String which = idInPayload ? "(id from the payload)" : delivery.id();
    out.println((log.delivered() ? "delivered " : "not delivered ") + which);
    return log.delivered() ? 0 : 1;
  }

  private static RetrySchedule schedule(String name) {
    return switch (name) {
      case "exponential" -> RetrySchedule.exponential(Duration.ofMinutes(1), 4);
      case "fixed" -> RetrySchedule.fixed(Duration.ofMinutes(1), 4);
      case "fibonacci" -> RetrySchedule.fibonacci(Duration.ofMinutes(1), 5);
      case "stripe" -> RetrySchedule.stripe();
      case "standard-webhooks", "svix" -> RetrySchedule.standardWebhooks();
      case "slack" -> RetrySchedule.slack();
      default -> RetrySchedule.of("none", List.of());
    };
  }

  private static int usage(PrintStream out, String problem) {
    out.println("send: " + problem);
    out.println(
        "usage: send --provider NAME --secret SECRET --url URL [--event TYPE] [--id ID]"
            + " [--content-type TYPE] [--retry SCHEDULE] [--time-scale F] [--key name=value] PAYLOAD_FILE");
    return 2;
  }
}

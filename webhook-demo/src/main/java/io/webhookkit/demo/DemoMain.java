package io.webhookkit.demo;

import io.webhookkit.core.WebhookWorkers;
import io.webhookkit.servlet.WebhookInboxListener;
import io.webhookkit.test.ProviderSimulator;
import io.webhookkit.test.RetrySchedule;
import io.webhookkit.test.TestDelivery;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.jspecify.annotations.Nullable;

/**
 * Starts Jetty with the demo's {@code WEB-INF/web.xml} (GitHub, Stripe, Slack and Standard Webhooks
 * endpoints, secrets from environment variables) and either takes a tour — valid, forged, tampered,
 * stale, future, duplicate, failure then retry, Slack challenge, denied address, oversized —
 * printing what each got, or keeps running for you to send requests.
 *
 * <p>Arguments: {@code tour} (default) or {@code keep-running}; {@code --port N} (default: a free
 * port for the tour, 8080 to keep running). Exits non-zero when any tour result differs from what
 * the kit promises.
 */
public final class DemoMain {
  private static @Nullable WebAppContext context;

  /** Each endpoint's environment variable and its demo default. */
  static final Map<String, String> DEMO_SECRETS = new LinkedHashMap<>();

  static {
    DEMO_SECRETS.put("GITHUB_WEBHOOK_SECRET", "demo-github-secret");
    DEMO_SECRETS.put("STRIPE_WEBHOOK_SECRET", "whsec_demo_stripe_secret");
    DEMO_SECRETS.put("SLACK_SIGNING_SECRET", "demo-slack-signing-secret");
    DEMO_SECRETS.put("STANDARD_WEBHOOKS_SECRET", "whsec_ZGVtby1zdGFuZGFyZC13ZWJob29rcy1zZWNyZXQ=");
  }

  private static final String GITHUB_HOOK_ADDRESS = "140.82.115.10";

  private DemoMain() {}

  /** Runs the demo. */
  public static void main(String[] args) throws Exception {
    System.exit(run(args));
  }

  static int run(String[] given) throws Exception {
    return run(given, ProcessBuilder.Redirect.INHERIT);
  }

  /**
   * Runs the demo; a relaunch (to put the demo secrets in the environment) writes its output to
   * {@code relaunchOutput}.
   */
  static int run(String[] given, ProcessBuilder.Redirect relaunchOutput) throws Exception {
    // -Ddemo.args="keep-running --port 8081" arrives as one argument through exec:exec.
    String[] args =
        Arrays.stream(given)
            .flatMap(a -> Arrays.stream(a.trim().split("\\s+")))
            .filter(a -> !a.isEmpty())
            .toArray(String[]::new);
    boolean keepRunning = false;
    int port = -1;
    for (int i = 0; i < args.length; i++) {
      String a = args[i].trim();
      if (a.equals("keep-running") || a.equals("--keep-running")) {
        keepRunning = true;
      } else if (a.equals("--port") && i + 1 < args.length) {
        port = Integer.parseInt(args[++i]);
      } else if (!a.isEmpty() && !a.equals("tour")) {
        System.out.println("usage: DemoMain [tour|keep-running] [--port N]");
        return 2;
      }
    }
    Map<String, String> missing = new LinkedHashMap<>();
    DEMO_SECRETS.forEach(
        (name, value) -> {
          if (System.getenv(name) == null || System.getenv(name).isBlank()) {
            missing.put(name, value);
          }
        });
    if (!missing.isEmpty()) {
      return relaunchWithDemoSecrets(args, missing, relaunchOutput);
    }
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    System.setProperty("org.slf4j.simpleLogger.log.io.webhookkit", keepRunning ? "info" : "warn");
    Server server = start(port < 0 ? (keepRunning ? 8080 : 0) : port);
    int actualPort = ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    URI base = URI.create("http://127.0.0.1:" + actualPort);
    try {
      if (keepRunning) {
        printHowToSend(base);
        server.join();
        return 0;
      }
      return tour(base);
    } finally {
      server.stop();
    }
  }

  /** The filters read secrets-env, so the demo defaults must be in the environment: re-launch. */
  private static int relaunchWithDemoSecrets(
      String[] args, Map<String, String> missing, ProcessBuilder.Redirect output) throws Exception {
    if (System.getenv("WEBHOOK_DEMO_RELAUNCHED") != null) {
      System.out.println("demo: secrets still missing after relaunch: " + missing.keySet());
      return 2;
    }
    System.out.println("Secrets not set in the environment; using printed demo defaults:");
    missing.forEach((name, value) -> System.out.println("  " + name + "=" + value));
    System.out.println();
    List<String> command = new ArrayList<>();
    command.add(
        ProcessHandle.current()
            .info()
            .command()
            .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(DemoMain.class.getName());
    command.addAll(List.of(args));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectInput(ProcessBuilder.Redirect.INHERIT)
            .redirectOutput(output)
            .redirectErrorStream(true);
    builder.environment().putAll(missing);
    builder.environment().put("WEBHOOK_DEMO_RELAUNCHED", "1");
    Process child = builder.start();
    Runtime.getRuntime().addShutdownHook(new Thread(child::destroy));
    return child.waitFor();
  }

  private static Server start(int port) throws Exception {
    Path webapp = Path.of("src/main/webapp");
    if (!Files.isDirectory(webapp)) {
      webapp = Path.of("webhook-demo/src/main/webapp");
    }
    Server server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(port);
    server.addConnector(connector);
    WebAppContext context = new WebAppContext();
    DemoMain.context = context;
    context.setContextPath("/");
    context.setBaseResourceAsPath(webapp.toAbsolutePath());
    context.setParentLoaderPriority(true);
    context.setThrowUnavailableOnStartupException(true);
    server.setHandler(context);
    server.start();
    return server;
  }

  private record Row(
      String scenario,
      String provider,
      String status,
      String reason,
      int calls,
      boolean asExpected) {}

  private static int tour(URI base) throws Exception {
    String github = System.getenv("GITHUB_WEBHOOK_SECRET");
    String stripe = System.getenv("STRIPE_WEBHOOK_SECRET");
    String slack = System.getenv("SLACK_SIGNING_SECRET");
    String standard = System.getenv("STANDARD_WEBHOOKS_SECRET");
    ProviderSimulator once =
        ProviderSimulator.builder().schedule(RetrySchedule.of("none", List.of())).build();
    List<Row> rows = new ArrayList<>();

    TestDelivery viaProxy =
        TestDelivery.github(github)
            .withHeader("X-Forwarded-For", GITHUB_HOOK_ADDRESS)
            .withHeader("X-Forwarded-Proto", "https");
    rows.add(expect("valid", once.sendOnce(uri(base, "github"), viaProxy), viaProxy, 200, null, 1));
    TestDelivery validStripe = TestDelivery.stripe(stripe);
    rows.add(
        expect(
            "valid", once.sendOnce(uri(base, "stripe"), validStripe), validStripe, 200, null, 1));
    TestDelivery validSlack = TestDelivery.slack(slack);
    rows.add(
        expect("valid", once.sendOnce(uri(base, "slack"), validSlack), validSlack, 200, null, 1));
    TestDelivery validStandard = TestDelivery.standardWebhooks(standard);
    rows.add(
        expect(
            "valid",
            once.sendOnce(uri(base, "standard-webhooks"), validStandard),
            validStandard,
            200,
            null,
            1));

    TestDelivery forged = TestDelivery.stripe(stripe).withWrongSecret();
    rows.add(
        expect(
            "forged (wrong secret)",
            once.sendOnce(uri(base, "stripe"), forged),
            forged,
            401,
            "signature_invalid",
            0));
    TestDelivery tampered = viaProxy.withId(UUID.randomUUID().toString()).withTamperedBody();
    rows.add(
        expect(
            "tampered body",
            once.sendOnce(uri(base, "github"), tampered),
            tampered,
            401,
            "signature_invalid",
            0));
    TestDelivery stale = TestDelivery.slack(slack).withStaleTimestamp();
    rows.add(
        expect(
            "stale timestamp",
            once.sendOnce(uri(base, "slack"), stale),
            stale,
            401,
            "timestamp_out_of_tolerance",
            0));
    TestDelivery future = TestDelivery.standardWebhooks(standard).withFutureTimestamp();
    rows.add(
        expect(
            "future timestamp",
            once.sendOnce(uri(base, "standard-webhooks"), future),
            future,
            401,
            "timestamp_out_of_tolerance",
            0));

    TestDelivery duplicate = viaProxy.withId(UUID.randomUUID().toString());
    once.sendOnce(uri(base, "github"), duplicate);
    rows.add(
        expect(
            "duplicate (sent twice)",
            once.sendOnce(uri(base, "github"), duplicate),
            duplicate,
            200,
            null,
            1));

    TestDelivery failOnce =
        TestDelivery.standardWebhooks(standard)
            .withBody("{\"type\":\"invoice.created\",\"fail_once\":true}");
    ProviderSimulator retrying =
        ProviderSimulator.builder()
            .schedule(RetrySchedule.standardWebhooks())
            .timeScale(0.001)
            .build();
    ProviderSimulator.DeliveryLog log = retrying.deliver(uri(base, "standard-webhooks"), failOnce);
    String statuses =
        log.attempts().stream()
            .map(a -> Integer.toString(a.status()))
            .collect(Collectors.joining(" then "));
    boolean retried =
        log.attempts().size() == 2 && log.attempts().get(0).status() == 500 && log.delivered();
    int failOnceCalls = DemoHandlerServlet.calls(failOnce.id());
    rows.add(
        new Row(
            "failure, then retry",
            "standard-webhooks",
            statuses,
            "-",
            failOnceCalls,
            retried && failOnceCalls == 2));

    TestDelivery challenge =
        TestDelivery.slackUrlVerification(
            slack, "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P");
    ProviderSimulator.Attempt answered = once.sendOnce(uri(base, "slack"), challenge);
    rows.add(
        new Row(
            "Slack url_verification",
            "slack",
            Integer.toString(answered.status()),
            "- (challenge echoed)",
            DemoHandlerServlet.calls("(none)"),
            answered.status() == 200 && DemoHandlerServlet.calls("(none)") == 0));

    TestDelivery denied =
        TestDelivery.github(github)
            .withHeader("X-Forwarded-For", "203.0.113.50")
            .withHeader("X-Forwarded-Proto", "https");
    rows.add(
        expect(
            "denied address",
            once.sendOnce(uri(base, "github"), denied),
            denied,
            403,
            "ip_not_allowed",
            0));
    String pad = "x".repeat(600 * 1024);
    TestDelivery big = TestDelivery.stripe(stripe);
    big =
        big.withBody(
            "{\"id\":\"" + big.id() + "\",\"type\":\"file.created\",\"pad\":\"" + pad + "\"}");
    rows.add(
        expect(
            "oversized (600KB > 512KB)",
            once.sendOnce(uri(base, "stripe"), big),
            big,
            413,
            "payload_too_large",
            0));

    TestDelivery nowhere = TestDelivery.stripe(stripe);
    rows.add(
        expect(
            "unknown endpoint",
            once.sendOnce(uri(base, "nowhere"), nowhere),
            nowhere,
            404,
            "unknown_endpoint",
            0));
    rows.addAll(deferredRows(base, standard, once));

    print(rows);
    boolean ok = rows.stream().allMatch(Row::asExpected);
    System.out.println();
    System.out.println(
        ok
            ? "Every result is what the kit promises."
            : "SOME RESULTS DIFFER FROM WHAT THE KIT PROMISES (marked !).");
    System.out.println(
        "Keep a server running to try it yourself:  ./mvnw -q -pl webhook-demo -am -DskipTests package exec:exec -Ddemo.args=keep-running");
    return ok ? 0 : 1;
  }

  /**
   * The deferred endpoint {@code orders}: a slow handler answered at once and finished later; a
   * failing one retried on its schedule, then dead; the dead one replayed.
   */
  private static List<Row> deferredRows(URI base, String secret, ProviderSimulator once)
      throws Exception {
    List<Row> rows = new ArrayList<>();
    URI orders = uri(base, "orders");
    TestDelivery slow =
        TestDelivery.standardWebhooks(secret).withBody("{\"type\":\"order.paid\",\"slow\":true}");
    long sentAt = System.nanoTime();
    ProviderSimulator.Attempt answer = once.sendOnce(orders, slow);
    long answeredMs = (System.nanoTime() - sentAt) / 1_000_000;
    boolean handled = await(() -> DemoDeferredHandler.doneAt(slow.id()) != 0, 10_000);
    long handledMs = (DemoDeferredHandler.doneAt(slow.id()) - sentAt) / 1_000_000;
    rows.add(
        new Row(
            "slow handler (deferred)",
            "standard-webhooks",
            answer.status() == 0
                ? String.valueOf(answer.error())
                : Integer.toString(answer.status()),
            handled
                ? String.format(
                    Locale.ROOT, "- (answer %dms, done %.1fs)", answeredMs, handledMs / 1000.0)
                : "- (answer " + answeredMs + "ms, not done)",
            DemoDeferredHandler.calls(slow.id()),
            answer.status() == 202 && answeredMs < 1_000 && handled && handledMs >= 1_500));

    TestDelivery failing =
        TestDelivery.standardWebhooks(secret)
            .withBody("{\"type\":\"order.paid\",\"fail_times\":3}");
    ProviderSimulator.Attempt queued = once.sendOnce(orders, failing);
    WebhookWorkers workers = workers();
    String key = "orders:" + failing.id();
    boolean dead =
        await(
            () -> workers.dead("orders", 100).stream().anyMatch(d -> d.key().equals(key)), 10_000);
    rows.add(
        new Row(
            "failing handler: 3 tries",
            "standard-webhooks",
            queued.status() + ", dead",
            "- (retried 100ms, 200ms)",
            DemoDeferredHandler.calls(failing.id()),
            queued.status() == 202 && dead && DemoDeferredHandler.calls(failing.id()) == 3));

    boolean replayed = workers.replay(key);
    boolean done = await(() -> DemoDeferredHandler.doneAt(failing.id()) != 0, 10_000);
    rows.add(
        new Row(
            "replay of the dead one",
            "standard-webhooks",
            replayed ? "replayed" : "not dead",
            "- (handled on replay)",
            DemoDeferredHandler.calls(failing.id()),
            replayed && done && DemoDeferredHandler.calls(failing.id()) == 4));
    return rows;
  }

  private static WebhookWorkers workers() {
    return (WebhookWorkers)
        Objects.requireNonNull(context, "started")
            .getServletContext()
            .getAttribute(WebhookInboxListener.WORKERS_ATTRIBUTE);
  }

  /** Polls a condition the worker pool makes true, for at most the given time. */
  private static boolean await(BooleanSupplier condition, long millis) {
    long deadline = System.nanoTime() + millis * 1_000_000;
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      LockSupport.parkNanos(10_000_000);
    }
    return true;
  }

  private static Row expect(
      String scenario,
      ProviderSimulator.Attempt attempt,
      TestDelivery delivery,
      int status,
      @Nullable String reason,
      int calls) {
    int actualCalls = DemoHandlerServlet.calls(delivery.id());
    boolean ok =
        attempt.status() == status
            && Objects.equals(attempt.reason(), reason)
            && actualCalls == calls;
    String shown =
        attempt.status() == 0
            ? String.valueOf(attempt.error())
            : Integer.toString(attempt.status());
    return new Row(
        scenario,
        delivery.provider(),
        shown,
        attempt.reason() == null ? "-" : attempt.reason(),
        actualCalls,
        ok);
  }

  private static URI uri(URI base, String endpoint) {
    return base.resolve("/hooks/" + endpoint);
  }

  private static void print(List<Row> rows) {
    String format = "%s %-26s %-18s %-12s %-28s %s%n";
    System.out.printf(format, " ", "scenario", "provider", "status", "reason", "handler calls");
    System.out.printf(
        format,
        " ",
        "-".repeat(26),
        "-".repeat(18),
        "-".repeat(12),
        "-".repeat(28),
        "-".repeat(13));
    for (Row r : rows) {
      System.out.printf(
          format,
          r.asExpected() ? " " : "!",
          r.scenario(),
          r.provider(),
          r.status(),
          r.reason(),
          r.calls());
    }
  }

  @SuppressWarnings("OrphanedFormatString") // a shell printf line, printed for the user to paste
  private static void printHowToSend(URI base) {
    String stripe = System.getenv("STRIPE_WEBHOOK_SECRET");
    System.out.println(
        "webhook-kit demo listening on "
            + base
            + " (endpoints /hooks/github, /hooks/stripe, /hooks/slack, /hooks/standard-webhooks,"
            + " /hooks/orders deferred)");
    System.out.println("Send a correctly signed Stripe event (paste into a shell):");
    System.out.println();
    System.out.println("t=$(date +%s); body='{\"id\":\"evt_'$t'\",\"type\":\"invoice.paid\"}'");
    System.out.println(
        "sig=$(printf '%s' \"$t.$body\" | openssl dgst -sha256 -hmac '"
            + stripe
            + "' | sed 's/^.* //')");
    System.out.println(
        "curl -i "
            + base
            + "/hooks/stripe -H 'Content-Type: application/json' -H \"Stripe-Signature: t=$t,v1=$sig\" --data-binary \"$body\"");
    System.out.println();
    System.out.println(
        "Send it again: 200 with the stored status, and the handler is not called twice. Ctrl-C stops.");
  }
}

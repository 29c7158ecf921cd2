package io.webhookkit.test;

import io.webhookkit.core.ConfigSource;
import io.webhookkit.core.EndpointConfig;
import io.webhookkit.core.signature.SignatureScheme;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The endpoints every adapter under the conformance kit must serve, each at {@code /hooks/<name>},
 * configured with exactly these keys (the design's flat keys). Secrets are fixed test values.
 */
public final class ConformanceEndpoints {
  /** The GitHub endpoint's current secret (configured second: rotation in progress). */
  public static final String GITHUB_SECRET = "conformance-github-secret";

  /** The GitHub endpoint's previous secret (configured first). */
  public static final String GITHUB_PREVIOUS_SECRET = "conformance-github-previous";

  /** Stripe's endpoint secret. */
  public static final String STRIPE_SECRET = "whsec_conformance_stripe";

  /** Slack's signing secret. */
  public static final String SLACK_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";

  /** The Standard Webhooks and Svix secret. */
  public static final String STANDARD_WEBHOOKS_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

  /** Shopify's client secret. */
  public static final String SHOPIFY_SECRET = "conformance-shopify-secret";

  /** The generic HMAC endpoint's secret. */
  public static final String HMAC_SECRET = "conformance-hmac-secret";

  /** The generic HMAC endpoint's scheme keys. */
  public static final Map<String, String> HMAC_KEYS = PresetSamples.HMAC_KEYS;

  /** Discord's application public key (hex); a test key pair made for the kit. */
  public static final String DISCORD_PUBLIC_KEY =
      "92edddf42c4b0565cdbd9cd3283450f6bd404d3c89b92ca3390a2fba618768f5";

  /** The private half of {@link #DISCORD_PUBLIC_KEY} (base64 PKCS#8), for signing. */
  public static final String DISCORD_SIGNING_KEY =
      "MC4CAQAwBQYDK2VwBCIEIAL24HzkH07VL/CyCoeuNnZXPNtgiZVQabplr3Ib/twk";

  /** SendGrid's verification key (base64 X.509, P-256); a test key pair made for the kit. */
  public static final String SENDGRID_PUBLIC_KEY =
      "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEdSuJibEt//IXSHaB3cm5CLlbbOOdzAHTUc06Cu+TidWxGoLiNuSmh8j++3tzR+DhEuAvBfzNaiec0kW8vtC4HA==";

  /** The private half of {@link #SENDGRID_PUBLIC_KEY} (base64 PKCS#8), for signing. */
  public static final String SENDGRID_SIGNING_KEY =
      "MEECAQAwEwYHKoZIzj0CAQYIKoZIzj0DAQcEJzAlAgEBBCCeMTehaXHtCIaqpZtHQoroP6UyD9w5nTkOVGaXYwWuoA==";

  /** Meta's verify token. */
  public static final String META_VERIFY_TOKEN = "conformance-meta-verify-token";

  /** Square's notification URL, configured as its {@code public-url}. */
  public static final String SQUARE_PUBLIC_URL = "https://example.com/hooks/square";

  /** Trello's callback URL, configured as its {@code public-url}. */
  public static final String TRELLO_PUBLIC_URL = "https://example.com/hooks/trello";

  /** Mandrill's webhook URL, configured as its {@code public-url}. */
  public static final String MANDRILL_PUBLIC_URL = "https://example.com/hooks/mandrill";

  /**
   * The endpoint handled outside the request ({@code processing=deferred}, Stripe's preset): its
   * handlers are routed by event type, {@link #DEFERRED_EVENTS}; other types are unhandled.
   */
  public static final String DEFERRED = "deferred";

  /** The event patterns of {@link #DEFERRED}'s handlers, each routed to a handler of that name. */
  public static final List<String> DEFERRED_EVENTS = List.of("invoice.paid", "invoice.*");

  /** The retry interval of {@link #DEFERRED} (fixed schedule), and its attempts before dead. */
  public static final Duration DEFERRED_RETRY = Duration.ofMillis(300);

  /** {@link #DEFERRED}'s attempts before a failing delivery is dead. */
  public static final int DEFERRED_ATTEMPTS = 3;

  /** The endpoint of {@code processing=auto} (GitHub's preset), one handler for every event. */
  public static final String AUTO = "auto";

  /**
   * The endpoint of {@code processing=forward} (GitHub's preset): published to {@link
   * ConformanceKafka#TOPIC} on the run's broker, answered once it acknowledged.
   */
  public static final String FORWARD = "forward";

  /** {@link #FORWARD}'s {@code forward.timeout}. */
  public static final Duration FORWARD_TIMEOUT = Duration.ofSeconds(1);

  /** {@link #AUTO}'s deadline. */
  public static final Duration AUTO_DEADLINE = Duration.ofSeconds(1);

  /**
   * The application-wide inbox keys every adapter's conformance server sets (a short idle poll, so
   * retries are claimed soon after they are due).
   */
  public static final Map<String, String> INBOX_KEYS =
      Map.of("webhook.inbox.poll", "100ms", "webhook.inbox.workers", "4");

  /** Whether an endpoint of {@link #all()} is handled outside the request. */
  public static boolean deferred(String endpoint) {
    return endpoint.equals(DEFERRED) || endpoint.equals(AUTO);
  }

  /**
   * The presets that verify with keys fetched from the provider, each served at {@code
   * /hooks/<preset>} by an endpoint whose key hosts an adapter moves to the kit's local HTTPS
   * server in code ({@link RemoteKeyPresets#remoteKeys()}); their deliveries come from {@link
   * RemoteKeyPresets}, not from {@link PresetSamples}. Every other registered preset must be in
   * {@link #CATALOGUE}.
   */
  public static final List<String> REMOTE_KEY_PRESETS =
      List.of(
          "aws-sns", "gcp-pubsub", "paypal", "azure-event-grid-entra", "adobe-io", "plaid", "ebay");

  /** The presets with endpoints of their own below, each with fixed secrets and keys. */
  private static final List<String> FIRST =
      List.of("github", "stripe", "slack", "standard-webhooks", "svix", "shopify", "hmac");

  /**
   * The catalogue presets beyond the first seven, each served at {@code /hooks/<preset>} by an
   * endpoint of that name: every preset of {@link PresetSamples} but those.
   */
  public static final List<String> CATALOGUE =
      PresetSamples.all().stream()
          .map(PresetSample::preset)
          .filter(preset -> !FIRST.contains(preset))
          .toList();

  /** The secret an endpoint of the catalogue is configured with (a public key for key pairs). */
  public static String configuredSecret(String preset) {
    return PresetSamples.of(preset).configuredSecret();
  }

  /** The secret a sender of the catalogue preset signs with (a private key for key pairs). */
  public static String signingSecret(String preset) {
    return PresetSamples.of(preset).signingSecret();
  }

  /** The provider keys a catalogue endpoint (and its sender) is configured with. */
  public static Map<String, String> providerKeys(String preset) {
    return PresetSamples.of(preset).keys();
  }

  /** The signature scheme of one of {@link #all()}'s endpoints, as the kit configures it. */
  public static SignatureScheme scheme(String endpoint) {
    Map<String, String> keys = withoutBroker().get(endpoint);
    if (keys == null) {
      throw new IllegalArgumentException("no conformance endpoint " + endpoint);
    }
    return EndpointConfig.from(endpoint, ConfigSource.of(keys), name -> null)
        .rules()
        .signatureScheme();
  }

  /** Every secret configured anywhere, to check that no answer ever contains one. */
  public static final List<String> ALL_SECRETS = allSecrets();

  private static List<String> allSecrets() {
    List<String> all =
        new ArrayList<>(
            List.of(
                GITHUB_SECRET,
                GITHUB_PREVIOUS_SECRET,
                STRIPE_SECRET,
                SLACK_SECRET,
                STANDARD_WEBHOOKS_SECRET,
                SHOPIFY_SECRET,
                HMAC_SECRET,
                DISCORD_SIGNING_KEY,
                SENDGRID_SIGNING_KEY,
                META_VERIFY_TOKEN));
    for (String preset : CATALOGUE) {
      all.add(signingSecret(preset));
    }
    for (String preset : REMOTE_KEY_PRESETS) {
      String secret = RemoteKeyPresets.endpointKeys(preset).get("secrets");
      if (secret != null) {
        all.add(secret);
      }
    }
    return List.copyOf(new LinkedHashSet<>(all));
  }

  private ConformanceEndpoints() {}

  /**
   * Endpoint name → its keys, in a stable order; {@link #FORWARD}'s name the run's Kafka broker,
   * which this starts the first time ({@link ConformanceKafka}).
   */
  public static Map<String, Map<String, String>> all() {
    Map<String, Map<String, String>> all = withoutBroker();
    all.put(
        FORWARD,
        Map.of(
            "provider",
            "github",
            "secrets",
            GITHUB_SECRET,
            "processing",
            "forward",
            "forward.topic",
            ConformanceKafka.TOPIC,
            "forward.timeout",
            FORWARD_TIMEOUT.toMillis() + "ms",
            "forward.kafka.bootstrap.servers",
            ConformanceKafka.bootstrapServers()));
    return all;
  }

  /** Every endpoint but {@link #FORWARD}. */
  private static Map<String, Map<String, String>> withoutBroker() {
    Map<String, Map<String, String>> all = new LinkedHashMap<>();
    all.put(
        "github",
        Map.of("provider", "github", "secrets", GITHUB_PREVIOUS_SECRET + ", " + GITHUB_SECRET));
    all.put("stripe", Map.of("provider", "stripe", "secrets", STRIPE_SECRET));
    all.put("slack", Map.of("provider", "slack", "secrets", SLACK_SECRET));
    all.put(
        "standard-webhooks",
        Map.of("provider", "standard-webhooks", "secrets", STANDARD_WEBHOOKS_SECRET));
    all.put("svix", Map.of("provider", "svix", "secrets", STANDARD_WEBHOOKS_SECRET));
    all.put("shopify", Map.of("provider", "shopify", "secrets", SHOPIFY_SECRET));
    Map<String, String> hmac = new LinkedHashMap<>(HMAC_KEYS);
    hmac.put("provider", "hmac");
    hmac.put("secrets", HMAC_SECRET);
    all.put("hmac", Map.copyOf(hmac));
    all.put(
        "allowlisted",
        Map.of(
            "provider", "github",
            "secrets", GITHUB_SECRET,
            "allowed-ips", "192.0.2.0/24, 2001:db8::/32",
            "trusted-proxies", "127.0.0.1/32, ::1/128"));
    all.put(
        "no-proxy",
        Map.of("provider", "github", "secrets", GITHUB_SECRET, "allowed-ips", "192.0.2.0/24"));
    all.put(
        "https-only",
        Map.of(
            "provider",
            "github",
            "secrets",
            GITHUB_SECRET,
            "trusted-proxies",
            "127.0.0.1/32, ::1/128"));
    all.put(
        "small", Map.of("provider", "github", "secrets", GITHUB_SECRET, "max-body-size", "1KB"));
    all.put(
        "limited", Map.of("provider", "github", "secrets", GITHUB_SECRET, "rate-limit", "3/1h"));
    all.put(
        DEFERRED,
        Map.of(
            "provider",
            "stripe",
            "secrets",
            STRIPE_SECRET,
            "processing",
            "deferred",
            "retry.schedule",
            "fixed",
            "retry.initial",
            DEFERRED_RETRY.toMillis() + "ms",
            "retry.max-attempts",
            Integer.toString(DEFERRED_ATTEMPTS)));
    all.put(
        AUTO,
        Map.of(
            "provider",
            "github",
            "secrets",
            GITHUB_SECRET,
            "processing",
            "auto",
            "deadline",
            AUTO_DEADLINE.toMillis() + "ms"));
    for (String preset : CATALOGUE) {
      Map<String, String> keys = new LinkedHashMap<>(providerKeys(preset));
      keys.put("provider", preset);
      keys.put("secrets", configuredSecret(preset));
      all.put(preset, Map.copyOf(keys));
    }
    for (String preset : REMOTE_KEY_PRESETS) {
      all.put(preset, RemoteKeyPresets.endpointKeys(preset));
    }
    return all;
  }
}

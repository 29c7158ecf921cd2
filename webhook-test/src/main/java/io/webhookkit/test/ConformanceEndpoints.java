package io.webhookkit.test;

import java.util.LinkedHashMap;
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
  public static final Map<String, String> HMAC_KEYS =
      Map.of(
          "signature.header", "X-Signature",
          "signature.algorithm", "sha512",
          "signature.encoding", "base64",
          "signature.prefix", "v1=",
          "signature.payload", "{id}.{timestamp}.{body}",
          "timestamp.header", "X-Timestamp",
          "id.header", "X-Delivery-Id");

  /** Every secret configured anywhere, to check that no answer ever contains one. */
  public static final java.util.List<String> ALL_SECRETS =
      java.util.List.of(
          GITHUB_SECRET,
          GITHUB_PREVIOUS_SECRET,
          STRIPE_SECRET,
          SLACK_SECRET,
          STANDARD_WEBHOOKS_SECRET,
          SHOPIFY_SECRET,
          HMAC_SECRET);

  private ConformanceEndpoints() {}

  /** Endpoint name → its keys, in a stable order. */
  public static Map<String, Map<String, String>> all() {
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
    return all;
  }
}

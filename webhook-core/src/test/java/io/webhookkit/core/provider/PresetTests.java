package io.webhookkit.core.provider;

import static org.assertj.core.api.Assertions.assertThat;

import io.webhookkit.core.Decision;
import io.webhookkit.core.EndpointConfig;
import io.webhookkit.core.Reason;
import io.webhookkit.core.WebhookEvent;
import io.webhookkit.core.WebhookGuard;
import io.webhookkit.core.WebhookRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What the per-preset tests share: a guard on a fixed clock, requests from loopback, an independent
 * MAC for computed vectors, and assertions on the guard's decision. Where a provider publishes a
 * vector (its documentation or SDK tests) the tests use it as published; otherwise the expected
 * signature is computed with the JDK from the algorithm in the provider's signing documentation,
 * linked from each preset's Javadoc ("computed vector").
 */
public final class PresetTests {
  private PresetTests() {}

  private static final String[] HEADER_NAMES = {
    "X-Hub-Signature-256",
    "X-GitHub-Delivery",
    "Stripe-Signature",
    "X-Slack-Signature",
    "X-Slack-Request-Timestamp",
    "webhook-id",
    "webhook-timestamp",
    "webhook-signature",
    "svix-signature",
    "svix-id",
    "svix-timestamp",
    "X-Shopify-Hmac-SHA256",
    "X-Shopify-Webhook-Id",
    "Content-Type",
    "Content-Length",
    "Forwarded",
    "X-Forwarded-For",
    "X-Forwarded-Proto",
    "X-Sig",
    "X-Ts",
    "X-Id",
    "X-Gitlab-Token",
    "X-Twilio-Signature",
    "x-square-hmacsha256-signature",
    "X-HubSpot-Signature-v3",
    "X-HubSpot-Request-Timestamp",
    "Paddle-Signature",
    "x-zm-signature",
    "x-zm-request-timestamp",
    "X-Signature-Ed25519",
    "X-Signature-Timestamp",
    "X-Twilio-Email-Event-Webhook-Signature",
    "X-Twilio-Email-Event-Webhook-Timestamp",
    "Linear-Signature",
    "Calendly-Webhook-Signature",
    "X-Okta-Verification-Challenge",
    "Authorization",
    "aeg-event-type",
    "WebHook-Request-Origin",
    "Host",
    "X-Forwarded-Host",
    "X-Forwarded-Port",
    "Webhook-Signature",
    "sanity-webhook-signature",
    "WorkOS-Signature",
    "Persona-Signature",
    "X-CC-Webhook-Signature",
    "X-Zendesk-Webhook-Signature",
    "X-Zendesk-Webhook-Signature-Timestamp",
    "X-Airtable-Content-MAC",
    "X-TFE-Notification-Signature",
    "telnyx-signature-ed25519",
    "telnyx-timestamp",
    "X-Telegram-Bot-Api-Secret-Token",
    "X-Gitea-Signature",
    "X-Forgejo-Signature",
    "PAYPAL-TRANSMISSION-SIG",
    "PAYPAL-CERT-URL",
    "Cko-Signature",
    "circleci-signature",
    "X-Buildkite-Signature",
    "X-CIO-Signature",
    "X-CIO-Timestamp",
    "X-Frameio-Signature",
    "X-Frameio-Request-Timestamp",
    "X-Alchemy-Signature",
    "Heroku-Webhook-Hmac-SHA256",
    "X-Signature",
    "X-DocuSign-Signature-1",
    "X-Webhook-Signature",
    "Tally-Signature",
    "X-HelpScout-Signature",
    "X-SHA2-Signature",
    "X-Request-Signature-SHA-256",
    "X-Pusher-Signature",
    "x-sendbird-signature",
    "X-Nylas-Signature",
    "ElevenLabs-Signature",
    "X-HMAC-SIGNATURE",
    "x-hookdeck-signature",
    "x-callback-token",
    "verif-hash",
    "X-Vapi-Secret",
    "x-signature",
    "x-request-id"
  };

  /** The header names the fuzz targets and the hostile requests pick from. */
  public static String[] headerNames() {
    return HEADER_NAMES.clone();
  }

  static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

  static final String SECRET = "catalogue-secret";

  static WebhookGuard guard(String provider, String secret, Map<String, String> keys) {
    return guard(provider, secret, keys, NOW);
  }

  static WebhookGuard guard(String provider, String secret, Map<String, String> keys, Instant now) {
    EndpointConfig.Builder b = EndpointConfig.builder(provider).provider(provider).secrets(secret);
    keys.forEach(b::providerKey);
    return WebhookGuard.builder(b.build()).clock(Clock.fixed(now, ZoneOffset.UTC)).build();
  }

  /** A request from loopback with this method and nothing else. */
  static WebhookRequest.Builder request(String method) {
    return WebhookRequest.builder().method(method).remoteAddress("127.0.0.1");
  }

  /** A GET from loopback with this raw query, as the handshakes of Meta, X and Dropbox come. */
  static WebhookRequest.Builder get(String query) {
    return request("GET").query(query);
  }

  static WebhookRequest.Builder post(String body) {
    return WebhookRequest.builder()
        .remoteAddress("127.0.0.1")
        .header("Host", "127.0.0.1:8080")
        .header("Content-Type", "application/json")
        .body(body.getBytes(StandardCharsets.UTF_8));
  }

  static byte[] mac(String algorithm, byte[] key, String content) {
    try {
      Mac mac = Mac.getInstance(algorithm);
      mac.init(new SecretKeySpec(key, algorithm));
      return mac.doFinal(content.getBytes(StandardCharsets.UTF_8));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  static String hex256(String key, String content) {
    return HexFormat.of()
        .formatHex(mac("HmacSHA256", key.getBytes(StandardCharsets.UTF_8), content));
  }

  static String b64256(String key, String content) {
    return Base64.getEncoder()
        .encodeToString(mac("HmacSHA256", key.getBytes(StandardCharsets.UTF_8), content));
  }

  static WebhookEvent proceeds(WebhookGuard guard, WebhookRequest request) {
    Decision d = guard.inspect(request);
    assertThat(d)
        .as(
            () ->
                d instanceof Decision.Respond
                    ? String.valueOf(((Decision.Respond) d).reason())
                    : "")
        .isInstanceOf(Decision.Proceed.class);
    return ((Decision.Proceed) d).event();
  }

  static Decision.Respond responds(WebhookGuard guard, WebhookRequest request) {
    Decision d = guard.inspect(request);
    assertThat(d).isInstanceOf(Decision.Respond.class);
    return (Decision.Respond) d;
  }

  static void refused(WebhookGuard guard, WebhookRequest request, Reason reason) {
    assertThat(responds(guard, request).reason()).isEqualTo(reason);
  }

  static String text(Decision.Respond r) {
    return new String(r.body(), StandardCharsets.UTF_8);
  }

  /** A guard for every preset of the catalogue, with the keys it needs (for the fuzz tests too). */
  public static java.util.List<WebhookGuard> catalogueGuards(Clock clock) {
    java.util.List<WebhookGuard> guards = new java.util.ArrayList<>();
    for (String provider : Providers.names()) {
      String secret =
          switch (provider) {
            case "discord" -> "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";
            case "sendgrid" ->
                "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE83T4O/n84iotIvIW4mdBgQ/7dAfSmpqIM8kF9mN1flpVKS3GRqe62gw+2fNNRaINXvVpiglSI8eNEc6wEA3F+g==";
            case "msteams" -> "dGVhbXMtdG9rZW4tYnl0ZXM=";
            case "adyen" -> "9064450A8892A093D9E97EFCC9639DE31B74F3A7803135555A3C96F5A57915D6";
            case "chargebee", "postmark" -> "hooks:Pa55-word";
            case "braintree" -> "pubkey123:privkey456";
            case "telnyx" -> "11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=";
            case "airtable" -> "YWlydGFibGUtbWFjLXNlY3JldC0zMi1ieXRlcyEhISE=";
            case "standard-webhooks",
                "svix",
                "resend",
                "clerk",
                "openai",
                "replicate",
                "brex",
                "lithic" ->
                "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
            default -> SECRET;
          };
      EndpointConfig.Builder b =
          EndpointConfig.builder(provider)
              .provider(provider)
              .trustedProxies(java.util.List.of("127.0.0.0/8", "::1/128"));
      if (Providers.lookup(provider).orElseThrow().usesSecrets()) {
        b.secrets(secret);
      }
      switch (provider) {
        case "aws-sns" -> b.providerKey("topic-arns", "arn:aws:sns:us-east-1:123456789012:orders");
        case "azure-event-grid-entra" ->
            b.providerKey("tenant-id", "72f988bf-86f1-41af-91ab-2d7cd011db47")
                .providerKey("audience", "api://orders-webhook");
        case "ebay" ->
            b.providerKey("client-id", "Shop-App-PRD-1234")
                .providerKey("verify-token", "71745723-d031-455c-bfa5-f90d11b4f20a")
                .providerKey("public-url", "https://hooks.example.com/ebay");
        case "plaid" -> b.providerKey("client-id", "5f1b6c2e9d8a7b0012345678");
        case "adobe-io" -> b.providerKey("client-id", "client_id1");
        case "paypal" -> b.providerKey("webhook-id", "8PT597110X687430LKGECATA");
        case "gcp-pubsub" ->
            b.providerKey("audience", "https://example.com/push")
                .providerKey("service-account", "push@example.iam.gserviceaccount.com");
        case "meta" -> b.providerKey("verify-token", "vt");
        case "hmac" -> b.providerKey("signature.header", "X-Sig").idempotencyEnabled(false);
        default -> {}
      }
      guards.add(WebhookGuard.builder(b.build()).clock(clock).build());
    }
    return guards;
  }
}

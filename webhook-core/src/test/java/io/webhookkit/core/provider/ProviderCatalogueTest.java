package io.webhookkit.core.provider;

import static io.webhookkit.core.provider.PresetTests.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.webhookkit.core.Decision;
import io.webhookkit.core.Reason;
import io.webhookkit.core.WebhookEvent;
import io.webhookkit.core.WebhookGuard;
import io.webhookkit.core.WebhookRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The whole catalogue through the guard: every preset answers hostile requests, is registered once,
 * finds its delivery id and event type; the HMAC presets' computed vectors. How vectors are chosen:
 * {@link PresetTests}.
 */
class ProviderCatalogueTest {
  /**
   * Every preset answers hostile requests (any method, malformed queries, escapes, headers and
   * bodies, from a seeded generator) with a decision, never with an internal error.
   */
  @Test
  void everyPresetAnswersHostileRequestsWithoutADefect() {
    java.util.Random random = new java.util.Random(20261129L);
    String[] methods = {"POST", "GET", "HEAD", "OPTIONS"};
    String[] queries = {
      null,
      "",
      "%",
      "%zz",
      "a=%E0%A4%A",
      "crc_token=",
      "challenge=" + "x".repeat(5000),
      "hub.mode=subscribe&hub.verify_token=vt&hub.challenge=%00%0d%0a",
      "validationToken=%FF",
      "code=" + SECRET,
      "access_token=",
      "bodySHA256=zz",
      "&&==&"
    };
    String[] values = {
      "",
      " ",
      "v1=",
      "v1,",
      "t=,v1=",
      "ts=;h1=",
      "sha256=",
      "v0=zz",
      "Bearer",
      "Bearer ",
      "999999999999999999999",
      "-1",
      "\u0000",
      "é",
      "x".repeat(3000),
      "{\"type\":1}",
      "SubscriptionValidation",
      "https",
      "example.com:99999",
      "[::1]"
    };
    String[] bodies = {
      "",
      "{",
      "[",
      "{}",
      "[]",
      "null",
      "1",
      "\"x\"",
      "{\"type\":1}",
      "{\"value\":[{}]}",
      "[{\"eventType\":\"Microsoft.EventGrid.SubscriptionValidationEvent\",\"data\":{}}]",
      "{\"event\":\"endpoint.url_validation\",\"payload\":{\"plainToken\":1}}",
      "{\"signature\":{\"timestamp\":\"x\",\"token\":{},\"signature\":[]}}",
      "a=%zz&b",
      "[".repeat(5000),
      "{\"webhookTimestamp\":\"soon\"}"
    };
    java.util.List<String> headerNames = new java.util.ArrayList<>();
    for (String n : headerNames()) {
      headerNames.add(n);
    }
    for (WebhookGuard guard : catalogueGuards(Clock.fixed(NOW, ZoneOffset.UTC))) {
      for (int i = 0; i < 300; i++) {
        WebhookRequest.Builder b =
            WebhookRequest.builder()
                .method(methods[random.nextInt(methods.length)])
                .query(queries[random.nextInt(queries.length)])
                .remoteAddress(random.nextBoolean() ? "127.0.0.1" : "not an address")
                .secure(random.nextBoolean())
                .body(bodies[random.nextInt(bodies.length)].getBytes(StandardCharsets.UTF_8));
        int headers = random.nextInt(6);
        for (int h = 0; h < headers; h++) {
          b.header(
              headerNames.get(random.nextInt(headerNames.size())),
              values[random.nextInt(values.length)]);
        }
        WebhookRequest request = b.build();
        Decision decision = guard.inspect(request);
        if (decision instanceof Decision.Respond respond) {
          assertThat(respond.reason())
              .as(guard.config().name() + " " + request)
              .isNotEqualTo(Reason.INTERNAL_ERROR);
        } else {
          ((Decision.Proceed) decision).ticket().settle(200);
        }
      }
    }
  }

  /**
   * Every preset class the services file lists is loaded, under its own name: these tests run on
   * the module path, where {@code module-info}'s {@code provides} decides, so a preset missing
   * there (or a duplicate name) shows as a different count. Which presets exist is webhook-test's
   * {@code ConformanceEndpoints} list, checked against this registry there.
   */
  @Test
  void everyPresetTheServicesFileListsIsRegisteredOnce() throws Exception {
    java.util.List<String> listed;
    try (java.io.InputStream in =
        Provider.class
            .getClassLoader()
            .getResourceAsStream("META-INF/services/io.webhookkit.core.provider.Provider")) {
      assertThat(in).isNotNull();
      listed =
          new String(in.readAllBytes(), StandardCharsets.UTF_8)
              .lines()
              .map(String::trim)
              .filter(l -> !l.isEmpty() && !l.startsWith("#"))
              .toList();
    }
    assertThat(Providers.names()).hasSize(listed.size());
  }

  /** Computed vectors: one HMAC preset per row, signed here from its documented algorithm. */
  @Test
  void hmacPresetsVerifyTheirDocumentedSignatures() {
    long ts = NOW.getEpochSecond();
    String body =
        "{\"id\":\"evt_1\",\"eventId\":\"okta-1\",\"event_id\":\"e-1\",\"event_type\":\"form_response\"}";
    Map<String, Map<String, String>> cases = new LinkedHashMap<>();
    cases.put(
        "bitbucket",
        Map.of("X-Hub-Signature", "sha256=" + hex256(SECRET, body), "X-Request-UUID", "u-1"));
    cases.put(
        "intercom",
        Map.of(
            "X-Hub-Signature",
            "sha1="
                + HexFormat.of()
                    .formatHex(mac("HmacSHA1", SECRET.getBytes(StandardCharsets.UTF_8), body))));
    cases.put("typeform", Map.of("Typeform-Signature", "sha256=" + b64256(SECRET, body)));
    cases.put(
        "pagerduty",
        Map.of(
            "X-PagerDuty-Signature",
            "v1=" + hex256("old-secret", body) + ",v1=" + hex256(SECRET, body),
            "X-Webhook-Id",
            "pd-1"));
    cases.put(
        "paddle",
        Map.of("Paddle-Signature", "ts=" + ts + ";h1=" + hex256(SECRET, ts + ":" + body)));
    cases.put(
        "calendly",
        Map.of("Calendly-Webhook-Signature", "t=" + ts + ",v1=" + hex256(SECRET, ts + "." + body)));
    cases.put("dropbox", Map.of("X-Dropbox-Signature", hex256(SECRET, body)));
    cases.put("twitter", Map.of("x-twitter-webhooks-signature", "sha256=" + b64256(SECRET, body)));
    cases.put(
        "zoom",
        Map.of(
            "x-zm-request-timestamp",
            Long.toString(ts),
            "x-zm-signature",
            "v0=" + hex256(SECRET, "v0:" + ts + ":" + body),
            "x-zm-trackingid",
            "zm-1"));
    cases.put("meta", Map.of("X-Hub-Signature-256", "sha256=" + hex256(SECRET, body)));
    cases.put(
        "gitlab",
        Map.of(
            "X-Gitlab-Token",
            SECRET,
            "X-Gitlab-Event-UUID",
            "gl-1",
            "X-Gitlab-Event",
            "Push Hook"));
    String twitchAt = NOW.minusMillis(1234).toString().replace("Z", "123456Z");
    cases.put(
        "twitch",
        Map.of(
            "Twitch-Eventsub-Message-Id",
            "tw-1",
            "Twitch-Eventsub-Message-Timestamp",
            twitchAt,
            "Twitch-Eventsub-Message-Signature",
            "sha256=" + hex256(SECRET, "tw-1" + twitchAt + body)));
    cases.put("sentry", Map.of("Sentry-Hook-Signature", hex256(SECRET, body), "Request-ID", "s-1"));
    cases.put(
        "vercel",
        Map.of(
            "x-vercel-signature",
            HexFormat.of()
                .formatHex(mac("HmacSHA1", SECRET.getBytes(StandardCharsets.UTF_8), body))));
    cases.put("xero", Map.of("x-xero-signature", b64256(SECRET, body)));
    cases.put("quickbooks", Map.of("intuit-signature", b64256(SECRET, body)));
    cases.put("mux", Map.of("Mux-Signature", "t=" + ts + ",v1=" + hex256(SECRET, ts + "." + body)));
    long ms = NOW.toEpochMilli() - 2500;
    cases.put(
        "webflow",
        Map.of(
            "x-webflow-timestamp",
            Long.toString(ms),
            "x-webflow-signature",
            hex256(SECRET, ms + ":" + body)));
    cases.put("lemonsqueezy", Map.of("X-Signature", hex256(SECRET, body)));
    cases.put(
        "razorpay",
        Map.of("X-Razorpay-Signature", hex256(SECRET, body), "x-razorpay-event-id", "rzp-1"));
    cases.put(
        "paystack",
        Map.of(
            "x-paystack-signature",
            HexFormat.of()
                .formatHex(mac("HmacSHA512", SECRET.getBytes(StandardCharsets.UTF_8), body))));
    cases.put(
        "jira",
        Map.of(
            "X-Hub-Signature",
            "sha256=" + hex256(SECRET, body),
            "X-Atlassian-Webhook-Identifier",
            "jira-1"));
    cases.put("calcom", Map.of("X-Cal-Signature-256", hex256(SECRET, body)));
    cases.put("okta", Map.of("Authorization", "Bearer " + SECRET));
    cases.put("azure-event-grid", Map.of("Authorization", SECRET));
    cases.put(
        "cloudevents",
        Map.of(
            "Authorization", "Bearer " + SECRET, "ce-id", "ce-1", "ce-type", "com.example.thing"));
    for (Map.Entry<String, Map<String, String>> c : cases.entrySet()) {
      String provider = c.getKey();
      Map<String, String> keys = provider.equals("meta") ? Map.of("verify-token", "vt") : Map.of();
      WebhookGuard guard = guard(provider, SECRET, keys);
      WebhookRequest.Builder valid = post(body);
      c.getValue().forEach(valid::header);
      assertThat(guard.inspect(valid.build())).as(provider).isInstanceOf(Decision.Proceed.class);
      WebhookRequest.Builder tampered =
          post(body.replace("evt_1", "evt_2")).header("X-Request-UUID", "u-2");
      c.getValue().forEach(tampered::header);
      Decision d = guard.inspect(tampered.build());
      boolean token =
          java.util.List.of("gitlab", "okta", "azure-event-grid", "cloudevents").contains(provider);
      if (token) {
        // A token does not cover the body: a wrong token is what it refuses.
        WebhookRequest.Builder wrong = post(body);
        c.getValue().forEach((k, v) -> wrong.header(k, v.replace(SECRET, "guess")));
        refused(guard, wrong.build(), Reason.SIGNATURE_INVALID);
      } else {
        assertThat(((Decision.Respond) d).reason())
            .as(provider)
            .isEqualTo(Reason.SIGNATURE_INVALID);
      }
    }
  }

  @Test
  void whereEachPresetFindsTheDeliveryIdAndEventType() {
    String body =
        "{\"id\":\"evt_1\",\"event\":{\"id\":\"pd-evt\",\"event_type\":\"incident.triggered\"}}";
    WebhookEvent gitlab =
        proceeds(
            guard("gitlab", SECRET, Map.of()),
            post(body)
                .header("X-Gitlab-Token", SECRET)
                .header("X-Gitlab-Event-UUID", "uuid-1")
                .header("Idempotency-Key", "idem-1")
                .header("X-Gitlab-Event", "Push Hook")
                .build());
    assertThat(gitlab.deliveryId()).contains("idem-1");
    assertThat(gitlab.eventType()).contains("Push Hook");
    WebhookEvent pagerduty =
        proceeds(
            guard("pagerduty", SECRET, Map.of()),
            post(body).header("X-PagerDuty-Signature", "v1=" + hex256(SECRET, body)).build());
    assertThat(pagerduty.deliveryId()).contains("pd-evt");
    assertThat(pagerduty.eventType()).contains("incident.triggered");
  }

  @Test
  void aVerifiedGetThatIsNoHandshakeIsRefusedWith405() {
    Decision.Respond r =
        responds(
            guard("okta", SECRET, Map.of()),
            request("GET").header("Authorization", "Bearer " + SECRET).build());
    assertThat(r.reason()).isEqualTo(Reason.METHOD_NOT_ALLOWED);
    assertThat(r.status()).isEqualTo(405);
    assertThat(r.headers()).containsEntry("Allow", "POST");
  }
}

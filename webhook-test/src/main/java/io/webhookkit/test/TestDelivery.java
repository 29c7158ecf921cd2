package io.webhookkit.test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * One delivery as a provider sends it: start from a valid one and break exactly one thing.
 *
 * <pre>{@code
 * TestDelivery valid = TestDelivery.stripe(secret);
 * valid.withTamperedBody();      // signed body, one byte changed in transit
 * valid.withStaleTimestamp();    // signed 6 minutes ago
 * valid.withSecondSignature(old) // two v1 signatures, as during a secret roll
 * }</pre>
 *
 * Every {@code with…} returns a new delivery; instances are immutable. Each new delivery has a
 * fresh random id, so deliveries never collide in an idempotency store by accident.
 */
public final class TestDelivery {
  /** The window the kit assumes when making stale and future timestamps (the default tolerance). */
  public static final Duration TOLERANCE = Duration.ofMinutes(5);

  private static final Set<String> RESTRICTED =
      Set.of("content-length", "host", "connection", "expect", "upgrade");

  /** Everything that makes a delivery; copied and changed by each {@code with…}. */
  private static final class State {
    Signer signer;
    String secret;
    byte @Nullable [] customBody;
    String contentType;
    String id;
    @Nullable String eventType;
    @Nullable Instant timestamp;
    boolean tamper;
    @Nullable String secondSecret;
    @Nullable String url;
    Instant createdAt = Instant.now();
    final Map<String, String> setHeaders = new LinkedHashMap<>();
    final List<String> removedHeaders = new ArrayList<>();

    State(Signer signer, String secret, String contentType, String id, @Nullable String eventType) {
      this.signer = signer;
      this.secret = secret;
      this.contentType = contentType;
      this.id = id;
      this.eventType = eventType;
    }

    State copy() {
      State c = new State(signer, secret, contentType, id, eventType);
      c.customBody = customBody;
      c.timestamp = timestamp;
      c.tamper = tamper;
      c.secondSecret = secondSecret;
      c.url = url;
      c.createdAt = createdAt;
      c.setHeaders.putAll(setHeaders);
      c.removedHeaders.addAll(removedHeaders);
      return c;
    }
  }

  private final State state;

  private TestDelivery(State state) {
    this.state = state;
  }

  private TestDelivery with(Consumer<State> change) {
    State next = state.copy();
    change.accept(next);
    return new TestDelivery(next);
  }

  private static TestDelivery create(
      String provider,
      String secret,
      Map<String, String> keys,
      String idPrefix,
      @Nullable String type,
      String contentType) {
    String id = idPrefix + UUID.randomUUID().toString().replace("-", "");
    return new TestDelivery(
        new State(Signer.of(provider, secret, keys), secret, contentType, id, type));
  }

  /** A GitHub {@code push} delivery. */
  public static TestDelivery github(String secret) {
    return create("github", secret, Map.of(), "", "push", "application/json")
        .withId(UUID.randomUUID().toString());
  }

  /** A Stripe {@code invoice.paid} event. */
  public static TestDelivery stripe(String secret) {
    return create("stripe", secret, Map.of(), "evt_", "invoice.paid", "application/json");
  }

  /** A Slack Events API {@code app_mention} callback. */
  public static TestDelivery slack(String secret) {
    return create("slack", secret, Map.of(), "Ev", "app_mention", "application/json");
  }

  /** A Slack slash command ({@code /deploy now}), form-encoded. */
  public static TestDelivery slackCommand(String secret) {
    return create(
        "slack", secret, Map.of(), "1335.7384.", "/deploy", "application/x-www-form-urlencoded");
  }

  /** Slack's {@code url_verification} handshake with this challenge. */
  public static TestDelivery slackUrlVerification(String secret, String challenge) {
    return slack(secret)
        .withBody(
            "{\"token\":\"Jhj5dZrVaK7ZwHHjRyZWjbDl\",\"challenge\":\""
                + challenge
                + "\",\"type\":\"url_verification\"}");
  }

  /** A Standard Webhooks {@code user.created} message. */
  public static TestDelivery standardWebhooks(String secret) {
    return create(
        "standard-webhooks", secret, Map.of(), "msg_", "user.created", "application/json");
  }

  /** A Svix message (Standard Webhooks with {@code svix-*} headers). */
  public static TestDelivery svix(String secret) {
    return create("svix", secret, Map.of(), "msg_", "user.created", "application/json");
  }

  /** A Shopify {@code orders/create} webhook. */
  public static TestDelivery shopify(String secret) {
    return create("shopify", secret, Map.of(), "", "orders/create", "application/json")
        .withId(UUID.randomUUID().toString());
  }

  /** A delivery for the generic {@code hmac} scheme configured by these keys. */
  public static TestDelivery hmac(String secret, Map<String, String> keys) {
    return create("hmac", secret, keys, "dlv_", null, "application/json");
  }

  /** Presets that send no delivery id: the kit's id is the body's SHA-256, as the preset's. */
  private static final Set<String> BODY_HASH_IDS =
      Set.of(
          "hubspot",
          "meta",
          "sendgrid",
          "calendly",
          "dropbox",
          "twitter",
          "microsoft-graph",
          "azure-event-grid",
          "xero",
          "quickbooks",
          "webflow",
          "lemonsqueezy",
          "paystack",
          "calcom",
          "mandrill");

  /**
   * A delivery for any preset of the catalogue, signed with this secret (for {@code discord} and
   * {@code sendgrid}: the base64 PKCS#8 private key) and the endpoint's provider keys ({@code
   * public-url}, {@code verify-token}).
   */
  public static TestDelivery of(String provider, String secret, Map<String, String> keys) {
    String form = "application/x-www-form-urlencoded";
    String json = "application/json";
    switch (provider) {
      case "gitlab":
        return create(provider, secret, keys, "", "Push Hook", json).withId(uuid());
      case "bitbucket":
        return create(provider, secret, keys, "", "repo:push", json).withId(uuid());
      case "twilio":
        return create(provider, secret, keys, "SM", "delivered", form);
      case "square":
        return create(provider, secret, keys, "", "payment.created", json).withId(uuid());
      case "paddle":
        return create(provider, secret, keys, "ntf_", "transaction.completed", json);
      case "zoom":
        return create(provider, secret, keys, "", "meeting.started", json).withId(uuid());
      case "discord":
        return create(provider, secret, keys, "", "2", json)
            .withId(
                Long.toString(
                    Math.abs(java.util.concurrent.ThreadLocalRandom.current().nextLong())));
      case "mailgun":
        return create(provider, secret, keys, "", "delivered", json).withId(uuid());
      case "intercom":
        return create(provider, secret, keys, "notif_", "conversation.user.created", json);
      case "linear":
        return create(provider, secret, keys, "", "Issue", json).withId(uuid());
      case "typeform":
        return create(provider, secret, keys, "", "form_response", json).withId(uuid());
      case "pagerduty":
        return create(provider, secret, keys, "", "incident.triggered", json).withId(uuid());
      case "resend":
        return create(provider, secret, keys, "msg_", "email.sent", json);
      case "clerk":
        return create(provider, secret, keys, "msg_", "user.created", json);
      case "okta":
        return create(provider, secret, keys, "", "com.okta.event_hook", json).withId(uuid());
      case "cloudevents":
        return create(provider, secret, keys, "", "com.example.object.created", json)
            .withId(uuid());
      case "hubspot":
        return create(provider, secret, keys, "", "contact.creation", json);
      case "calendly":
        return create(provider, secret, keys, "", "invitee.created", json);
      case "azure-event-grid":
        return create(provider, secret, keys, "", "Microsoft.Storage.BlobCreated", json);
      case "twitch":
        return create(provider, secret, keys, "", "channel.follow", json).withId(uuid());
      case "sentry":
        return create(provider, secret, keys, "", "issue", json).withId(uuid());
      case "vercel":
        return create(provider, secret, keys, "", "deployment.created", json);
      case "mux":
        return create(provider, secret, keys, "", "video.asset.ready", json).withId(uuid());
      case "webflow":
        return create(provider, secret, keys, "", "form_submission", json);
      case "lemonsqueezy":
        return create(provider, secret, keys, "", "order_created", json);
      case "razorpay":
        return create(provider, secret, keys, "", "payment.captured", json)
            .withId(
                "evt_"
                    + Long.toHexString(
                        java.util.concurrent.ThreadLocalRandom.current().nextLong()));
      case "jira":
        return create(provider, secret, keys, "", "jira:issue_created", json).withId(uuid());
      case "paystack":
        return create(provider, secret, keys, "", "charge.success", json);
      case "mandrill":
        return create(provider, secret, keys, "", null, form);
      case "calcom":
        return create(provider, secret, keys, "", "BOOKING_CREATED", json);
      case "box":
        return create(provider, secret, keys, "", "FILE.UPLOADED", json).withId(uuid());
      case "trello":
        return create(provider, secret, keys, "", "updateCard", json)
            .withId(Long.toHexString(java.util.concurrent.ThreadLocalRandom.current().nextLong()));
      case "xero":
      case "quickbooks":
        return create(provider, secret, keys, "", null, json);
      case "meta":
      case "sendgrid":
      case "dropbox":
      case "twitter":
      case "microsoft-graph":
        return create(provider, secret, keys, "", null, json);
      default:
        return of(provider, secret);
    }
  }

  private static String uuid() {
    return UUID.randomUUID().toString();
  }

  /** A delivery for any preset by name, with its default body. */
  public static TestDelivery of(String provider, String secret) {
    switch (provider) {
      case "github":
        return github(secret);
      case "stripe":
        return stripe(secret);
      case "slack":
        return slack(secret);
      case "standard-webhooks":
        return standardWebhooks(secret);
      case "svix":
        return svix(secret);
      case "shopify":
        return shopify(secret);
      default:
        if (provider.equals("meta")) {
          return of(provider, secret, Map.of("verify-token", "any"));
        }
        if (BODY_HASH_IDS.contains(provider)
            || Set.of(
                    "gitlab",
                    "bitbucket",
                    "twilio",
                    "square",
                    "paddle",
                    "zoom",
                    "discord",
                    "mailgun",
                    "intercom",
                    "linear",
                    "typeform",
                    "pagerduty",
                    "resend",
                    "clerk",
                    "okta",
                    "cloudevents",
                    "twitch",
                    "sentry",
                    "vercel",
                    "mux",
                    "box",
                    "trello",
                    "razorpay",
                    "jira")
                .contains(provider)) {
          return of(provider, secret, Map.of());
        }
        throw new IllegalArgumentException("no default delivery for provider " + provider);
    }
  }

  /** Another body (the id is kept; for Stripe and Slack the id lives in the body). */
  public TestDelivery withBody(byte[] body) {
    byte[] copy = body.clone();
    return with(s -> s.customBody = copy);
  }

  /** Another body, as UTF-8. */
  public TestDelivery withBody(String body) {
    return withBody(body.getBytes(StandardCharsets.UTF_8));
  }

  /** Another content type. */
  public TestDelivery withContentType(String type) {
    return with(s -> s.contentType = type);
  }

  /** Another delivery id. */
  public TestDelivery withId(String newId) {
    return with(s -> s.id = newId);
  }

  /** Another event type. */
  public TestDelivery withEventType(@Nullable String type) {
    return with(s -> s.eventType = type);
  }

  /** Signed at this instant (default: when the request is built). */
  public TestDelivery withTimestamp(Instant at) {
    return with(s -> s.timestamp = at);
  }

  /** Signed one minute more than the tolerance ago. */
  public TestDelivery withStaleTimestamp() {
    return withTimestamp(Instant.now().minus(TOLERANCE).minus(Duration.ofMinutes(1)));
  }

  /** Signed one minute more than the tolerance ahead. */
  public TestDelivery withFutureTimestamp() {
    return withTimestamp(Instant.now().plus(TOLERANCE).plus(Duration.ofMinutes(1)));
  }

  /** Signed over the body, which is then changed by one bit in transit. */
  public TestDelivery withTamperedBody() {
    return with(s -> s.tamper = true);
  }

  /** Signed with another secret. */
  public TestDelivery signedWith(String otherSecret) {
    Signer other = Signer.of(state.signer.provider(), otherSecret, state.signer.providerKeys());
    return with(
        s -> {
          s.signer = other;
          s.secret = otherSecret;
        });
  }

  /** Signed with a secret nobody configured. */
  public TestDelivery withWrongSecret() {
    String provider = state.signer.provider();
    if (provider.equals("discord") || provider.equals("sendgrid")) {
      return signedWith(freshPrivateKey(provider.equals("discord")));
    }
    boolean base64 = Set.of("standard-webhooks", "svix", "resend", "clerk").contains(provider);
    return signedWith(
        base64
            ? "whsec_"
                + java.util.Base64.getEncoder()
                    .encodeToString("a secret nobody configured".getBytes(StandardCharsets.UTF_8))
            : state.secret + "-wrong");
  }

  private static String freshPrivateKey(boolean ed25519) {
    try {
      java.security.KeyPairGenerator g =
          java.security.KeyPairGenerator.getInstance(ed25519 ? "Ed25519" : "EC");
      if (!ed25519) {
        g.initialize(new java.security.spec.ECGenParameterSpec("secp256r1"));
      }
      return java.util.Base64.getEncoder()
          .encodeToString(g.generateKeyPair().getPrivate().getEncoded());
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException("the JDK has Ed25519 and P-256", e);
    }
  }

  /** Sent to (and, for providers that sign the URL, signed for) this URL. */
  public TestDelivery at(URI uri) {
    String url = uri.toString();
    return with(s -> s.url = url);
  }

  /**
   * Carries a second signature made with another secret in front of the valid one, as Stripe and
   * Standard Webhooks senders do while a secret is rolled.
   */
  public TestDelivery withSecondSignature(String otherSecret) {
    return with(s -> s.secondSecret = otherSecret);
  }

  /** Without the signature header. */
  public TestDelivery withoutSignature() {
    return withoutHeader(state.signer.signatureHeader());
  }

  /** With a signature header that is not a signature at all. */
  public TestDelivery withMalformedSignature() {
    return withHeader(state.signer.signatureHeader(), "not-a-signature");
  }

  /** Without this header. */
  public TestDelivery withoutHeader(String name) {
    return with(s -> s.removedHeaders.add(name));
  }

  /** With this header set (replacing what the provider would send). */
  public TestDelivery withHeader(String name, String value) {
    return with(s -> s.setHeaders.put(name, value));
  }

  /** The provider. */
  public String provider() {
    return state.signer.provider();
  }

  /**
   * The delivery id as the endpoint will see it: the id given, or for presets that send none the
   * body's SHA-256 ({@code sha256:<hex>}).
   */
  public String id() {
    if (BODY_HASH_IDS.contains(state.signer.provider())) {
      try {
        return "sha256:"
            + java.util.HexFormat.of()
                .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(signedBody()));
      } catch (java.security.NoSuchAlgorithmException e) {
        throw new IllegalStateException("every JDK has SHA-256", e);
      }
    }
    return state.id;
  }

  /** The event type, if any. */
  public @Nullable String eventType() {
    return state.eventType;
  }

  /** The bytes that were signed. */
  public byte[] signedBody() {
    if (state.customBody != null) {
      return state.customBody.clone();
    }
    return defaultBody().getBytes(StandardCharsets.UTF_8);
  }

  /** The bytes that are sent (differ from {@link #signedBody()} in one bit when tampered). */
  public byte[] body() {
    byte[] body = signedBody();
    if (state.tamper && body.length > 0) {
      body[body.length / 2] ^= 0x01;
    }
    return body;
  }

  private String defaultBody() {
    State s = state;
    String type = s.eventType == null ? "" : s.eventType;
    switch (s.signer.provider()) {
      case "github":
        return "{\"ref\":\"refs/heads/main\",\"before\":\"0000000\",\"after\":\"1a2b3c4\",\"repository\":{\"full_name\":\"octo/hello\"}}";
      case "stripe":
        return "{\"id\":\""
            + s.id
            + "\",\"object\":\"event\",\"type\":\""
            + type
            + "\",\"data\":{\"object\":{\"amount_paid\":2000}}}";
      case "slack":
        if (s.contentType.startsWith("application/x-www-form-urlencoded")) {
          return "token=gIkuvaNzQIHg97ATvDxqgjtO&team_id=T0001&channel_id=C2147483705&user_id=U2147483697"
              + "&command="
              + java.net.URLEncoder.encode(type, StandardCharsets.UTF_8)
              + "&text=now%20please&trigger_id="
              + java.net.URLEncoder.encode(s.id, StandardCharsets.UTF_8);
        }
        return "{\"type\":\"event_callback\",\"event_id\":\""
            + s.id
            + "\",\"event\":{\"type\":\""
            + type
            + "\",\"text\":\"hi\"}}";
      case "shopify":
        return "{\"id\":820982911946154508,\"email\":\"jon@example.com\"}";
      case "hmac":
        return "{\"event\":\"thing.happened\"}";
      case "twilio":
        return "MessageSid="
            + s.id
            + "&SmsStatus="
            + type
            + "&From=%2B14158675309&To=%2B18005551212&Body=Hello%20%26%20caf%C3%A9";
      case "gitlab":
      case "bitbucket":
        return "{\"object_kind\":\"push\",\"ref\":\"refs/heads/main\",\"checkout_sha\":\"1a2b3c\"}";
      case "square":
        return "{\"merchant_id\":\"6SSW7HV8K2ST5\",\"type\":\""
            + type
            + "\",\"event_id\":\""
            + s.id
            + "\",\"data\":{\"type\":\"payment\",\"id\":\"KkAkhdMs\"}}";
      case "hubspot":
        return "[{\"eventId\":\""
            + s.id
            + "\",\"subscriptionType\":\""
            + type
            + "\",\"portalId\":62515,\"objectId\":123}]";
      case "paddle":
        return "{\"event_id\":\"evt_01\",\"event_type\":\""
            + type
            + "\",\"notification_id\":\""
            + s.id
            + "\",\"data\":{\"id\":\"txn_01\"}}";
      case "zoom":
        return "{\"event\":\"" + type + "\",\"payload\":{\"object\":{\"id\":\"" + s.id + "\"}}}";
      case "meta":
        return "{\"object\":\"page\",\"entry\":[{\"id\":\"" + s.id + "\",\"time\":1520383571}]}";
      case "discord":
        return "{\"application_id\":\"1\",\"id\":\""
            + s.id
            + "\",\"type\":"
            + type
            + ",\"version\":1}";
      case "sendgrid":
        return "[{\"email\":\"example@test.com\",\"event\":\"processed\",\"sg_event_id\":\""
            + s.id
            + "\"}]\r\n";
      case "mailgun":
        {
          String ts = Long.toString(bodyTime(s).getEpochSecond());
          String token = "tok" + s.id.replace("-", "");
          String sig =
              io.webhookkit.core.signature.BodySignatureSchemes.mailgunSignature(
                  io.webhookkit.core.Secret.of("signer", s.secret), ts, token);
          return "{\"signature\":{\"timestamp\":\""
              + ts
              + "\",\"token\":\""
              + token
              + "\",\"signature\":\""
              + sig
              + "\"},\"event-data\":{\"id\":\""
              + s.id
              + "\",\"event\":\""
              + type
              + "\"}}";
        }
      case "intercom":
        return "{\"type\":\"notification_event\",\"id\":\""
            + s.id
            + "\",\"topic\":\""
            + type
            + "\"}";
      case "linear":
        return "{\"action\":\"create\",\"type\":\""
            + type
            + "\",\"data\":{\"id\":\""
            + s.id
            + "\"},\"webhookTimestamp\":"
            + bodyTime(s).toEpochMilli()
            + "}";
      case "typeform":
        return "{\"event_id\":\"" + s.id + "\",\"event_type\":\"" + type + "\"}";
      case "pagerduty":
        return "{\"event\":{\"id\":\"" + s.id + "\",\"event_type\":\"" + type + "\"}}";
      case "calendly":
        return "{\"event\":\"" + type + "\",\"payload\":{\"uri\":\"" + s.id + "\"}}";
      case "dropbox":
        return "{\"list_folder\":{\"accounts\":[\"dbid:" + s.id + "\"]}}";
      case "twitter":
        return "{\"for_user_id\":\"2244994945\",\"tweet_create_events\":[{\"id_str\":\""
            + s.id
            + "\"}]}";
      case "okta":
        return "{\"eventType\":\""
            + type
            + "\",\"eventId\":\""
            + s.id
            + "\",\"data\":{\"events\":[]}}";
      case "microsoft-graph":
        return "{\"value\":[{\"subscriptionId\":\""
            + s.id
            + "\",\"clientState\":\""
            + s.secret
            + "\",\"changeType\":\"created\",\"resource\":\"Users/1\"}]}";
      case "azure-event-grid":
        return "[{\"id\":\""
            + s.id
            + "\",\"eventType\":\""
            + type
            + "\",\"subject\":\"/blobs/a\",\"data\":{},\"dataVersion\":\"1\"}]";
      case "cloudevents":
        return "{\"object\":\"" + s.id + "\"}";
      case "twitch":
        return "{\"subscription\":{\"id\":\"f1c2a387-161a-49f9-a165-0f21d7a4e1c4\",\"type\":\""
            + type
            + "\",\"version\":\"2\",\"status\":\"enabled\"},\"event\":{\"user_id\":\""
            + s.id
            + "\",\"broadcaster_user_id\":\"1337\"}}";
      case "sentry":
        return "{\"action\":\"created\",\"data\":{\"issue\":{\"id\":\""
            + s.id
            + "\"}},\"installation\":{\"uuid\":\"7a485448-a9e2-4c85-8a3c-4f44175783c9\"}}";
      case "vercel":
        return "{\"id\":\""
            + s.id
            + "\",\"type\":\""
            + type
            + "\",\"createdAt\":1764417600000,\"payload\":{\"deployment\":{\"id\":\"dpl_1\"}}}";
      case "mux":
        return "{\"id\":\""
            + s.id
            + "\",\"type\":\""
            + type
            + "\",\"object\":{\"type\":\"asset\",\"id\":\"a1\"},\"data\":{\"status\":\"ready\"}}";
      case "webflow":
        return "{\"triggerType\":\""
            + type
            + "\",\"payload\":{\"id\":\""
            + s.id
            + "\",\"name\":\"Contact\"}}";
      case "lemonsqueezy":
        return "{\"meta\":{\"event_name\":\""
            + type
            + "\"},\"data\":{\"type\":\"orders\",\"id\":\""
            + s.id
            + "\"}}";
      case "razorpay":
        return "{\"entity\":\"event\",\"event\":\""
            + type
            + "\",\"payload\":{\"payment\":{\"entity\":{\"id\":\"pay_"
            + s.id
            + "\",\"amount\":50000}}}}";
      case "jira":
        return "{\"timestamp\":1764417600000,\"webhookEvent\":\""
            + type
            + "\",\"issue\":{\"id\":\"10002\",\"key\":\"WK-"
            + Math.abs(s.id.hashCode())
            + "\"}}";
      case "mandrill":
        return "mandrill_events="
            + java.net.URLEncoder.encode(
                "[{\"event\":\"send\",\"_id\":\"" + s.id + "\",\"ts\":1764417600}]",
                StandardCharsets.UTF_8);
      case "paystack":
        return "{\"event\":\""
            + type
            + "\",\"data\":{\"id\":302961,\"reference\":\""
            + s.id
            + "\",\"amount\":20000}}";
      case "calcom":
        return "{\"triggerEvent\":\""
            + type
            + "\",\"createdAt\":\"2026-11-29T12:00:00.000Z\",\"payload\":{\"uid\":\""
            + s.id
            + "\"}}";
      case "box":
        return "{\"type\":\"webhook_event\",\"id\":\""
            + s.id
            + "\",\"trigger\":\""
            + type
            + "\",\"source\":{\"id\":\"12345\",\"type\":\"file\"}}";
      case "trello":
        return "{\"model\":{\"id\":\"4d5ea62fd76aa1136000000c\"},\"action\":{\"id\":\""
            + s.id
            + "\",\"type\":\""
            + type
            + "\",\"data\":{\"card\":{\"name\":\"Ship it\"}}}}";
      case "xero":
        return "{\"events\":[{\"resourceId\":\""
            + s.id
            + "\",\"eventCategory\":\"INVOICE\",\"eventType\":\"UPDATE\"}],"
            + "\"firstEventSequence\":1,\"lastEventSequence\":1,\"entropy\":\"S0m3r4Nd0mt3xt\"}";
      case "quickbooks":
        return "{\"eventNotifications\":[{\"realmId\":\"1185883450\",\"dataChangeEvent\":"
            + "{\"entities\":[{\"name\":\"Customer\",\"id\":\""
            + s.id
            + "\",\"operation\":\"Create\"}]}}]}";
      default:
        return "{\"type\":\""
            + type
            + "\",\"timestamp\":\"2026-11-26T12:00:00Z\",\"data\":{\"id\":1}}";
    }
  }

  private static Instant bodyTime(State s) {
    return s.timestamp != null ? s.timestamp : s.createdAt;
  }

  /** The headers the provider sends (signed now unless a timestamp was set). */
  public Map<String, String> headers() {
    State s = state;
    Instant at = s.timestamp != null ? s.timestamp : Instant.now();
    byte[] signed = signedBody();
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", s.contentType);
    headers.putAll(s.signer.sign(signed, s.id, s.eventType, at, "POST", s.url));
    if (s.secondSecret != null) {
      String name = s.signer.signatureHeader();
      String other =
          Signer.of(s.signer.provider(), s.secondSecret, s.signer.providerKeys())
              .sign(signed, s.id, s.eventType, at)
              .get(name);
      String mine = headers.get(name);
      headers.put(name, combine(other, mine));
    }
    Set<String> removed = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    removed.addAll(s.removedHeaders);
    headers.keySet().removeIf(removed::contains);
    for (Map.Entry<String, String> e : s.setHeaders.entrySet()) {
      headers.keySet().removeIf(k -> k.equalsIgnoreCase(e.getKey()));
      headers.put(e.getKey(), e.getValue());
    }
    return headers;
  }

  private String combine(String other, String mine) {
    State s = state;
    switch (s.signer.provider()) {
      case "stripe":
        // t=…,v1=<other> + ,v1=<mine>
        return other + mine.substring(mine.indexOf(','));
      case "standard-webhooks":
      case "svix":
        return other + " " + mine;
      default:
        return other + "," + mine;
    }
  }

  /** A JDK HTTP request for this delivery (POST to the URI). */
  public HttpRequest toHttpRequest(URI uri) {
    if (state.url == null) {
      return at(uri).toHttpRequest(uri);
    }
    HttpRequest.Builder b =
        HttpRequest.newBuilder(uri)
            .version(java.net.http.HttpClient.Version.HTTP_1_1)
            .timeout(Duration.ofSeconds(30))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body()));
    headers()
        .forEach(
            (name, value) -> {
              if (!RESTRICTED.contains(name.toLowerCase(Locale.ROOT))) {
                b.header(name, value);
              }
            });
    return b.build();
  }

  @Override
  public String toString() {
    State s = state;
    return "TestDelivery[" + s.signer.provider() + " " + s.id + (s.tamper ? " tampered" : "") + "]";
  }
}

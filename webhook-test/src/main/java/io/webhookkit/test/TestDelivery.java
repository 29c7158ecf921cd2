package io.webhookkit.test;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient.Version;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
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
    final PresetSample sample;
    PresetSample.Body body;
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

    State(
        PresetSample sample,
        Signer signer,
        String secret,
        String contentType,
        String id,
        @Nullable String eventType) {
      this.sample = sample;
      this.body = sample.body();
      this.signer = signer;
      this.secret = secret;
      this.contentType = contentType;
      this.id = id;
      this.eventType = eventType;
    }

    State copy() {
      State c = new State(sample, signer, secret, contentType, id, eventType);
      c.body = body;
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

  private static TestDelivery create(PresetSample sample, String secret, Map<String, String> keys) {
    return new TestDelivery(
        new State(
            sample,
            Signer.of(sample.preset(), secret, keys),
            secret,
            sample.contentType(),
            sample.newId().get(),
            sample.eventType()));
  }

  /** A GitHub {@code push} delivery. */
  public static TestDelivery github(String secret) {
    return of("github", secret);
  }

  /** A Stripe {@code invoice.paid} event. */
  public static TestDelivery stripe(String secret) {
    return of("stripe", secret);
  }

  /** A Slack Events API {@code app_mention} callback. */
  public static TestDelivery slack(String secret) {
    return of("slack", secret);
  }

  /** A Slack slash command ({@code /deploy now}), form-encoded. */
  public static TestDelivery slackCommand(String secret) {
    return slack(secret)
        .withContentType("application/x-www-form-urlencoded")
        .withEventType("/deploy")
        .withId("1335.7384." + UUID.randomUUID().toString().replace("-", ""))
        .with(s -> s.body = TestDelivery::slackCommandBody);
  }

  private static String slackCommandBody(PresetSample.Fields f) {
    return "token=gIkuvaNzQIHg97ATvDxqgjtO&team_id=T0001&channel_id=C2147483705&user_id=U2147483697"
        + "&command="
        + URLEncoder.encode(f.eventType(), StandardCharsets.UTF_8)
        + "&text=now%20please&trigger_id="
        + URLEncoder.encode(f.id(), StandardCharsets.UTF_8);
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
    return of("standard-webhooks", secret);
  }

  /** A Svix message (Standard Webhooks with {@code svix-*} headers). */
  public static TestDelivery svix(String secret) {
    return of("svix", secret);
  }

  /** A Shopify {@code orders/create} webhook. */
  public static TestDelivery shopify(String secret) {
    return of("shopify", secret);
  }

  /** A delivery for the generic {@code hmac} scheme configured by these keys. */
  public static TestDelivery hmac(String secret, Map<String, String> keys) {
    return of("hmac", secret, keys);
  }

  /**
   * A delivery for any preset of the kit ({@link PresetSamples}), signed with this secret (for key
   * pairs such as Discord's and SendGrid's: the base64 PKCS#8 private key) and the endpoint's
   * provider keys ({@code public-url}, {@code verify-token}, the {@code hmac} scheme's keys).
   *
   * @throws IllegalArgumentException for a preset the kit has no sample of
   */
  public static TestDelivery of(String provider, String secret, Map<String, String> keys) {
    return create(PresetSamples.of(provider), secret, keys);
  }

  /** A delivery for any preset of the kit by name, with no provider keys but those it needs. */
  public static TestDelivery of(String provider, String secret) {
    return of(provider, secret, Map.of());
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
    PresetSample.SecretKind kind = state.sample.secret();
    if (kind.keyPair()) {
      return signedWith(freshPrivateKey(kind != PresetSample.SecretKind.P256));
    }
    if (kind == PresetSample.SecretKind.HEX) {
      return signedWith(
          HexFormat.of().formatHex("a secret nobody configured".getBytes(StandardCharsets.UTF_8)));
    }
    if (kind == PresetSample.SecretKind.BASE64) {
      return signedWith(
          Base64.getEncoder()
              .encodeToString("a secret nobody configured".getBytes(StandardCharsets.UTF_8)));
    }
    return signedWith(
        kind == PresetSample.SecretKind.STANDARD_WEBHOOKS
            ? "whsec_"
                + Base64.getEncoder()
                    .encodeToString("a secret nobody configured".getBytes(StandardCharsets.UTF_8))
            : state.secret + "-wrong");
  }

  private static String freshPrivateKey(boolean ed25519) {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance(ed25519 ? "Ed25519" : "EC");
      if (!ed25519) {
        g.initialize(new ECGenParameterSpec("secp256r1"));
      }
      return Base64.getEncoder().encodeToString(g.generateKeyPair().getPrivate().getEncoded());
    } catch (GeneralSecurityException e) {
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
    if (state.sample.idFromBody()) {
      try {
        return "sha256:"
            + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(signedBody()));
      } catch (NoSuchAlgorithmException e) {
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
    return s.body.text(
        new PresetSample.Fields(
            s.id, s.eventType == null ? "" : s.eventType, s.secret, bodyTime(s)));
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
      headers.put(
          name,
          combine(
              Objects.requireNonNull(other, "the other signature"),
              Objects.requireNonNull(mine, "the signature")));
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
    return switch (s.signer.provider()) {
      case "stripe" ->
          // t=…,v1=<other> + ,v1=<mine>
          other + mine.substring(mine.indexOf(','));
      case "standard-webhooks", "svix" -> other + " " + mine;
      default -> other + "," + mine;
    };
  }

  /** A JDK HTTP request for this delivery (POST to the URI). */
  public HttpRequest toHttpRequest(URI uri) {
    if (state.url == null) {
      return at(uri).toHttpRequest(uri);
    }
    HttpRequest.Builder b =
        HttpRequest.newBuilder(uri)
            .version(Version.HTTP_1_1)
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

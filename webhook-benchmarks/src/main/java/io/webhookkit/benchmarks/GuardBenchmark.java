package io.webhookkit.benchmarks;

import io.webhookkit.core.Decision;
import io.webhookkit.core.EndpointConfig;
import io.webhookkit.core.Secret;
import io.webhookkit.core.WebhookGuard;
import io.webhookkit.core.WebhookRequest;
import io.webhookkit.core.idempotency.Acquisition;
import io.webhookkit.core.idempotency.InMemoryIdempotencyStore;
import io.webhookkit.core.signature.SignatureScheme;
import io.webhookkit.core.signature.SigningInput;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.SecretKeySpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The whole guard — size, address, signature, timestamp, payload and id, idempotency — as a user
 * runs it: {@code EndpointConfig.builder(…).provider(p).secrets(s).build()}, the default in-memory
 * store ({@link InMemoryIdempotencyStore#create()}: 100,000 entries, filled before measuring), the
 * default collector with the heap pre-touched, the request built per call from 12 headers as an
 * adapter does. {@code guardNew}: a new delivery id per call, settled 200. {@code guardDuplicate}:
 * the same delivery again (answered from the store). Where the id or its signature is in the signed
 * content (Stripe's and Slack's JSON, Standard Webhooks' {@code webhook-id}) a new id means signing
 * again: {@code sender} measures that alone, to subtract. {@code limit}: a reused keyed MAC over
 * the same bytes, in the same run. Every call's decision is checked; a wrong one fails the run in
 * tear-down.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
public class GuardBenchmark {
  private static final Map<String, String> SECRETS =
      Map.of(
          "github", "It's a Secret to Everybody",
          "stripe", "whsec_benchmark_secret_0123456789",
          "slack", "8f742231b10e8888abcd99yyyzzz85a5",
          "standard-webhooks", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");

  @Param({"github", "stripe", "slack", "standard-webhooks"})
  public String provider;

  @Param({"1024", "16384", "262144"})
  public int size;

  private byte[] body;
  private int idAt; // where the 12 id digits sit in the body, or -1 when the id is a header
  private SignatureScheme scheme;
  private Secret secret;
  private WebhookGuard guard;
  private long sequence;
  private long wrong;
  private Mac limitMac;
  private byte[] limitExpected;
  private String[] duplicateHeaders;
  private String duplicateId;
  private String[] githubSigned;
  private final String[] signed = new String[6]; // name, value pairs of the signature headers
  private final byte[] text = new byte[256];
  private final byte[] digest = new byte[32];
  private final byte[] b64 = new byte[44];
  private Mac senderMac;
  private String path; // strings the server parsed, made once: the kit's share is what is counted
  private String contentLength;
  private static final byte[] HEX_DIGITS = "0123456789abcdef".getBytes(StandardCharsets.ISO_8859_1);

  /** About {@code size} bytes of the provider's JSON with a 12-digit id to rewrite in place. */
  private static byte[] body(String provider, int size) {
    String json = new String(VerificationBenchmark.json(size), StandardCharsets.UTF_8);
    return switch (provider) {
      case "stripe" ->
          json.replace("\"id\":\"evt_1NG8Du2eZvKYlo2CUI79vXWy\"", "\"id\":\"evt_000000000000\"")
              .getBytes(StandardCharsets.UTF_8);
      case "slack" ->
          json.replace(
                  "{\"id\":\"evt_1NG8Du2eZvKYlo2CUI79vXWy\",\"object\":\"event\",\"type\":\"invoice.paid\"",
                  "{\"type\":\"event_callback\",\"event_id\":\"Ev000000000000\",\"team_id\":\"T1\"")
              .getBytes(StandardCharsets.UTF_8);
      default -> json.getBytes(StandardCharsets.UTF_8);
    };
  }

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    body = body(provider, size);
    path = "/hooks/" + provider;
    contentLength = Integer.toString(body.length);
    String text = new String(body, StandardCharsets.ISO_8859_1);
    idAt =
        switch (provider) {
          case "stripe" -> text.indexOf("evt_000000000000") + 4;
          case "slack" -> text.indexOf("Ev000000000000") + 2;
          default -> -1;
        };
    String s = SECRETS.get(provider);
    EndpointConfig config = EndpointConfig.builder(provider).provider(provider).secrets(s).build();
    scheme = config.rules().signatureScheme();
    secret = Secret.of("s", s);
    InMemoryIdempotencyStore store = InMemoryIdempotencyStore.create();
    for (int i = 0; i < InMemoryIdempotencyStore.DEFAULT_MAXIMUM_SIZE; i++) {
      String key = provider + ":fill-" + i;
      Acquisition.Acquired a =
          (Acquisition.Acquired) store.acquire(key, "x3:fill", Duration.ofMinutes(1));
      store.complete(key, a.ownerToken(), 200, Duration.ofDays(7));
    }
    guard = WebhookGuard.builder(config).idempotencyStore(store).build();
    limitMac = Mac.getInstance("HmacSHA256");
    limitMac.init(new SecretKeySpec(s.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    limitExpected = limitMac.doFinal(body);
    githubSigned =
        scheme.sign(new SigningInput(body, "x", Instant.now()), secret).entrySet().stream()
            .flatMap(e -> Stream.of(e.getKey(), e.getValue()))
            .toArray(String[]::new);
    byte[] key =
        provider.equals("standard-webhooks")
            ? Base64.getDecoder().decode(s.substring("whsec_".length()))
            : s.getBytes(StandardCharsets.UTF_8);
    senderMac = Mac.getInstance("HmacSHA256");
    senderMac.init(new SecretKeySpec(key, "HmacSHA256"));

    duplicateId = id();
    duplicateHeaders = Arrays.copyOf(signed, sign(duplicateId));
    Decision first = guard.inspect(request(duplicateId, duplicateHeaders, duplicateHeaders.length));
    if (!(first instanceof Decision.Proceed p)) {
      throw new IllegalStateException(
          provider + ": a valid delivery was refused in set-up: " + first);
    }
    p.ticket().settle(200);
    if (!(guardDuplicate() instanceof Decision.Respond r) || r.status() != 200) {
      throw new IllegalStateException(provider + ": the duplicate was not answered 200");
    }
    wrong = 0;
  }

  @TearDown(Level.Trial)
  public void checkDecisions() {
    if (wrong != 0) {
      throw new IllegalStateException(wrong + " calls were decided otherwise than expected");
    }
  }

  /** The next id: 12 digits, written into the body where the provider signs it there. */
  private String id() {
    long n = ++sequence;
    if (idAt >= 0) {
      for (int k = 11; k >= 0; k--) {
        body[idAt + k] = (byte) ('0' + (n % 10));
        n /= 10;
      }
      int prefix = provider.equals("stripe") ? 4 : 2; // evt_ or Ev
      return new String(body, idAt - prefix, prefix + 12, StandardCharsets.ISO_8859_1);
    }
    return "d-" + n;
  }

  /**
   * The provider's signature headers for this id, made as the provider makes them with a keyed MAC
   * reused per thread (not the kit's {@code sign}, so that the sender costs one MAC and is steady):
   * GitHub signs only the body (signed once), Stripe {@code t.body}, Slack {@code v0:t:body},
   * Standard Webhooks {@code id.t.body} with the base64 key. The text is written into reused
   * buffers and only the header values a server would hand over are made, as strings: the sender's
   * allocation is then the same inside {@code guardNew} as alone, and subtracting it is exact.
   *
   * @return the signature headers as name, value pairs in {@link #signed}; how many strings
   */
  private int sign(String id) {
    if (provider.equals("github")) {
      System.arraycopy(githubSigned, 0, signed, 0, githubSigned.length);
      return githubSigned.length;
    }
    long t = System.currentTimeMillis() / 1000;
    try {
      switch (provider) {
        case "stripe" -> {
          int n = digits(t, 0);
          text[n] = '.';
          mac(n + 1);
          // t=<t>,v1=<hex>
          int at = put("t=", 0);
          at = digits(t, at);
          at = put(",v1=", at);
          at = hex(at);
          signed[0] = "Stripe-Signature";
          signed[1] = new String(text, 0, at, StandardCharsets.ISO_8859_1);
          return 2;
        }
        case "slack" -> {
          int at = put("v0:", 0);
          int n = digits(t, at);
          text[n] = ':';
          mac(n + 1);
          signed[0] = "X-Slack-Request-Timestamp";
          signed[1] = new String(text, at, n - at, StandardCharsets.ISO_8859_1);
          signed[2] = "X-Slack-Signature";
          signed[3] = new String(text, 0, hex(put("v0=", 0)), StandardCharsets.ISO_8859_1);
          return 4;
        }
        default -> {
          int at = put(id, 0);
          text[at++] = '.';
          int n = digits(t, at);
          text[n] = '.';
          mac(n + 1);
          signed[0] = "webhook-id";
          signed[1] = id;
          signed[2] = "webhook-timestamp";
          signed[3] = new String(text, at, n - at, StandardCharsets.ISO_8859_1);
          int v = put("v1,", 0);
          int encoded = Base64.getEncoder().encode(digest, b64);
          System.arraycopy(b64, 0, text, v, encoded);
          signed[4] = "webhook-signature";
          signed[5] = new String(text, 0, v + encoded, StandardCharsets.ISO_8859_1);
          return 6;
        }
      }
    } catch (ShortBufferException impossible) {
      throw new IllegalStateException(impossible);
    }
  }

  /** The MAC of the text's first {@code length} bytes and the body, into {@link #digest}. */
  private void mac(int length) throws ShortBufferException {
    senderMac.update(text, 0, length);
    senderMac.update(body);
    senderMac.doFinal(digest, 0);
  }

  private int put(String ascii, int at) {
    for (int k = 0; k < ascii.length(); k++) {
      text[at + k] = (byte) ascii.charAt(k);
    }
    return at + ascii.length();
  }

  private int digits(long v, int at) {
    int n = 1;
    for (long x = v; x >= 10; x /= 10) {
      n++;
    }
    for (int k = n - 1; k >= 0; k--) {
      text[at + k] = (byte) ('0' + (v % 10));
      v /= 10;
    }
    return at + n;
  }

  private int hex(int at) {
    for (int k = 0; k < digest.length; k++) {
      text[at + 2 * k] = HEX_DIGITS[(digest[k] >> 4) & 0xf];
      text[at + 2 * k + 1] = HEX_DIGITS[digest[k] & 0xf];
    }
    return at + 2 * digest.length;
  }

  /**
   * The request as an adapter builds it: 12 headers, mixed case, as a provider sends them. The
   * strings are the server's (it parsed them before any adapter runs): made once, except the id and
   * signature, which {@code sender} makes per call; what is counted is the builder, its arrays and
   * the request.
   */
  private WebhookRequest request(String id, String[] signature, int strings) {
    WebhookRequest.Builder b =
        WebhookRequest.builder()
            .method("POST")
            .path(path)
            .remoteAddress("127.0.0.1")
            .header("Host", "hooks.example.com")
            .header("User-Agent", "Provider-Hookshot/8f3c1a2")
            .header("Accept", "*/*")
            .header("Content-Type", "application/json")
            .header("Content-Length", contentLength)
            .header("X-Request-Id", "b7f3a1c2-5d6e-4f70-8a9b-0c1d2e3f4a5b")
            .header("Accept-Encoding", "gzip")
            .header("Connection", "keep-alive")
            .body(body);
    switch (provider) {
      case "github" -> {
        b.header("X-GitHub-Event", "push");
        b.header("X-GitHub-Delivery", id);
      }
      case "standard-webhooks" -> b.header("Webhook-Event-Type", "invoice.paid");
      default -> b.header("X-Trace", "t-1");
    }
    for (int k = 0; k < strings; k += 2) {
      b.header(signature[k], signature[k + 1]);
    }
    return b.build();
  }

  /** The limit: a keyed MAC reused per thread over the bytes, compared in constant time. */
  @Benchmark
  public boolean limit() {
    return MessageDigest.isEqual(limitMac.doFinal(body), limitExpected);
  }

  /** What a new id costs the benchmark itself (the id, and signing again where it is signed). */
  @Benchmark
  public String sender() {
    sign(id());
    return signed[1];
  }

  /** A new delivery through the whole guard, settled 200. */
  @Benchmark
  public Decision guardNew() {
    String id = id();
    Decision d = guard.inspect(request(id, signed, sign(id)));
    if (d instanceof Decision.Proceed p) {
      p.ticket().settle(200);
    } else {
      wrong++;
    }
    return d;
  }

  /** The same delivery again: answered 200 from the store, the handler not called. */
  @Benchmark
  public Decision guardDuplicate() {
    Decision d = guard.inspect(request(duplicateId, duplicateHeaders, duplicateHeaders.length));
    if (!(d instanceof Decision.Respond r) || r.status() != 200) {
      wrong++;
    }
    return d;
  }
}

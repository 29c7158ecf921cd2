package io.webhookkit.benchmarks;

import com.slack.api.app_backend.SlackSignature;
import com.stripe.net.Webhook.Signature;
import io.webhookkit.core.EndpointConfig;
import io.webhookkit.core.Secret;
import io.webhookkit.core.WebhookRequest;
import io.webhookkit.core.signature.SignatureScheme;
import io.webhookkit.core.signature.SignatureVerdict;
import io.webhookkit.core.signature.SigningInput;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
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

/**
 * Verifying one delivery: the kit against the official SDKs on the same bytes, and against the
 * limit — a MAC keyed once and reused per thread, {@code doFinal} over the bytes plus {@code
 * MessageDigest.isEqual}. The SDKs take a {@code String} body, so their cost includes decoding the
 * bytes a server receives. Every benchmark checks once in set-up that it verifies.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class VerificationBenchmark {
  private static final String GITHUB_SECRET = "It's a Secret to Everybody";
  private static final String STRIPE_SECRET = "whsec_benchmark_secret_0123456789";
  private static final String SLACK_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
  private static final String SW_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

  @Param({"1024", "16384", "262144"})
  public int size;

  /**
   * {@code utf8}: a non-ASCII character in every line item, which sends the String-taking SDKs down
   * the JDK's slow decode and encode paths; {@code ascii}: the same bytes' length, ASCII only. The
   * kit verifies bytes, whatever they encode.
   */
  @Param({"ascii", "utf8"})
  public String text;

  private byte[] body;
  private Mac limitMac;
  private byte[] limitExpected;

  private SignatureScheme github;
  private WebhookRequest githubRequest;
  private SignatureScheme stripe;
  private WebhookRequest stripeRequest;
  private String stripeHeader;
  private SignatureScheme slack;
  private WebhookRequest slackRequest;
  private String slackTimestamp;
  private String slackSignature;
  private SlackSignature.Verifier slackSdk;
  private SignatureScheme standard;
  private WebhookRequest standardRequest;
  private Map<String, List<String>> standardHeaders;
  private com.standardwebhooks.Webhook standardSdk;
  private com.svix.Webhook svixSdk;

  /** Realistic JSON of about {@code size} bytes, a non-ASCII character in every line item. */
  static byte[] json(int size) {
    return json(size, false);
  }

  /** Realistic JSON of about {@code size} bytes; ASCII only when asked. */
  static byte[] json(int size, boolean ascii) {
    StringBuilder sb = new StringBuilder(size + 128);
    sb.append(
        "{\"id\":\"evt_1NG8Du2eZvKYlo2CUI79vXWy\",\"object\":\"event\",\"type\":\"invoice.paid\",\"data\":{\"object\":{\"lines\":[");
    int i = 0;
    while (sb.length() < size - 120) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append("{\"id\":\"il_")
          .append(i)
          .append("\",\"amount\":")
          .append(1000 + i)
          .append(",\"currency\":\"eur\",\"description\":\"")
          .append(ascii ? "Cafes" : "Caf\u00e9")
          .append(" subscription\"}");
      i++;
    }
    sb.append("]}}}");
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static SignatureScheme scheme(String provider, String secret) {
    return EndpointConfig.builder("bench")
        .provider(provider)
        .secrets(secret)
        .idempotencyEnabled(false)
        .build()
        .rules()
        .signatureScheme();
  }

  private static WebhookRequest request(byte[] body, Map<String, String> headers) {
    WebhookRequest.Builder b = WebhookRequest.builder().remoteAddress("127.0.0.1").body(body);
    headers.forEach(b::header);
    return b.build();
  }

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    body = json(size, text.equals("ascii"));
    Instant now = Instant.now();

    limitMac = Mac.getInstance("HmacSHA256");
    limitMac.init(new SecretKeySpec(GITHUB_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    limitExpected = limitMac.doFinal(body);

    github = scheme("github", GITHUB_SECRET);
    githubRequest =
        request(body, github.sign(new SigningInput(body, "d", now), Secret.of("s", GITHUB_SECRET)));

    stripe = scheme("stripe", STRIPE_SECRET);
    Map<String, String> stripeHeaders =
        stripe.sign(new SigningInput(body, "evt", now), Secret.of("s", STRIPE_SECRET));
    stripeHeader = stripeHeaders.get("Stripe-Signature");
    stripeRequest = request(body, stripeHeaders);

    slack = scheme("slack", SLACK_SECRET);
    Map<String, String> slackHeaders =
        slack.sign(new SigningInput(body, null, now), Secret.of("s", SLACK_SECRET));
    slackTimestamp = slackHeaders.get("X-Slack-Request-Timestamp");
    slackSignature = slackHeaders.get("X-Slack-Signature");
    slackRequest = request(body, slackHeaders);
    slackSdk = new SlackSignature.Verifier(new SlackSignature.Generator(SLACK_SECRET));

    standard = scheme("standard-webhooks", SW_SECRET);
    Map<String, String> swHeaders =
        standard.sign(new SigningInput(body, "msg_1", now), Secret.of("s", SW_SECRET));
    standardRequest = request(body, swHeaders);
    standardHeaders = new HashMap<>();
    swHeaders.forEach((k, v) -> standardHeaders.put(k, List.of(v)));
    standardSdk = new com.standardwebhooks.Webhook(SW_SECRET);
    Map<String, List<String>> svixHeaders = new HashMap<>();
    svixHeaders.put("svix-id", List.of(swHeaders.get("webhook-id")));
    svixHeaders.put("svix-timestamp", List.of(swHeaders.get("webhook-timestamp")));
    svixHeaders.put("svix-signature", List.of(swHeaders.get("webhook-signature")));
    svixSdk = new com.svix.Webhook(SW_SECRET);
    standardHeaders.putAll(svixHeaders);

    check(limit(), "limit");
    check(kitGithub() instanceof SignatureVerdict.Verified, "kit github");
    check(kitStripe() instanceof SignatureVerdict.Verified, "kit stripe");
    check(kitSlack() instanceof SignatureVerdict.Verified, "kit slack");
    check(kitStandardWebhooks() instanceof SignatureVerdict.Verified, "kit standard-webhooks");
    check(sdkStripe(), "stripe-java");
    check(sdkSlack(), "slack-app-backend");
    sdkStandardWebhooks();
    sdkSvix();
  }

  private static void check(boolean ok, String what) {
    if (!ok) {
      throw new IllegalStateException(what + " did not verify in set-up");
    }
  }

  /** The limit: a keyed MAC reused per thread over the bytes, compared in constant time. */
  @Benchmark
  public boolean limit() {
    return MessageDigest.isEqual(limitMac.doFinal(body), limitExpected);
  }

  @Benchmark
  public SignatureVerdict kitGithub() {
    return github.verify(githubRequest);
  }

  @Benchmark
  public SignatureVerdict kitStripe() {
    return stripe.verify(stripeRequest);
  }

  @Benchmark
  public SignatureVerdict kitSlack() {
    return slack.verify(slackRequest);
  }

  @Benchmark
  public SignatureVerdict kitStandardWebhooks() {
    return standard.verify(standardRequest);
  }

  @Benchmark
  public boolean sdkStripe() throws Exception {
    return Signature.verifyHeader(
        new String(body, StandardCharsets.UTF_8), stripeHeader, STRIPE_SECRET, 300);
  }

  @Benchmark
  public boolean sdkSlack() {
    return slackSdk.isValid(
        slackTimestamp, new String(body, StandardCharsets.UTF_8), slackSignature);
  }

  @Benchmark
  public boolean sdkStandardWebhooks() throws Exception {
    standardSdk.verify(new String(body, StandardCharsets.UTF_8), standardHeaders);
    return true;
  }

  @Benchmark
  public boolean sdkSvix() throws Exception {
    svixSdk.verify(new String(body, StandardCharsets.UTF_8), standardHeaders);
    return true;
  }
}

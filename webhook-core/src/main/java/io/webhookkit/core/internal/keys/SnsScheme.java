package io.webhookkit.core.internal.keys;

import io.webhookkit.core.Reason;
import io.webhookkit.core.Secret;
import io.webhookkit.core.WebhookRequest;
import io.webhookkit.core.provider.RemoteKeys;
import io.webhookkit.core.signature.SignatureScheme;
import io.webhookkit.core.signature.SignatureVerdict;
import io.webhookkit.core.signature.SigningInput;
import java.net.URI;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The Amazon SNS signature scheme: the message's own fields signed by AWS's key, whose certificate
 * is fetched from {@code SigningCertURL} — only when the message's {@code TopicArn} is one of the
 * endpoint's topics, only from the SNS host of that topic's region, and accepted only when it
 * chains to a trusted CA ({@link CertificateChains}), names the region's signer and is valid now.
 * The signed {@code MessageId} is the delivery id, the signed {@code Timestamp} is held to the
 * endpoint's window. Thread-safe.
 */
public final class SnsScheme implements SignatureScheme {
  /** The label a verified message reports in place of a secret's. */
  public static final String LABEL = "sns-certificate";

  private static final Pattern ARN =
      Pattern.compile("arn:(aws|aws-cn|aws-us-gov):sns:([a-z0-9-]+):\\d{12}:[A-Za-z0-9_.-]{1,256}");
  private static final Set<String> SIGNING_REGIONS =
      Set.of(
          "ap-east-1",
          "ap-east-2",
          "ap-south-2",
          "ap-southeast-3",
          "ap-southeast-4",
          "ap-southeast-5",
          "ap-southeast-6",
          "ap-southeast-7",
          "me-south-1",
          "me-central-1",
          "eu-south-1",
          "eu-south-2",
          "eu-central-2",
          "af-south-1",
          "il-central-1",
          "ca-west-1",
          "mx-central-1");

  private final Set<String> topics;
  private final RemoteKeySource<X509Certificate> certificates;
  private final RemoteKeys remoteKeys;
  private final Clock clock;

  /**
   * A scheme for these topics.
   *
   * @param topicArns the topics whose messages the endpoint accepts
   * @param remoteKeys how certificates are fetched
   */
  public SnsScheme(List<String> topicArns, RemoteKeys remoteKeys) {
    this.topics = Set.copyOf(topicArns); // checked by the preset, naming the key
    this.certificates =
        RemoteKeySource.builder(SnsSignature.CERT_PIN, pem -> parse(pem, remoteKeys), remoteKeys)
            .maxBytes(16 * 1024)
            .build();
    this.remoteKeys = remoteKeys;
    this.clock = remoteKeys.clock();
  }

  /** The fetched certificate, when it chains to a trusted CA through Amazon's issuing CAs. */
  private static Map<String, X509Certificate> parse(byte[] pem, RemoteKeys remoteKeys)
      throws CertificateException {
    X509Certificate cert = SnsSignature.parse(pem);
    CertificateChains.validate(
        List.of(cert), CertificateChains.AMAZON, remoteKeys, remoteKeys.clock().instant());
    return Map.of("", cert);
  }

  /**
   * The name AWS's signing certificate carries in this region, as aws-sdk-java-v2's {@code
   * SnsHostProvider} has it: {@code sns.amazonaws.com} in most regions, {@code
   * sns-signing.<region>.amazonaws.com} in opt-in ones, per-region names in China and GovCloud.
   */
  public static String signerName(String region) {
    if (region.equals("cn-north-1") || region.equals("cn-northwest-1")) {
      return "sns-" + region + ".amazonaws.com.cn";
    }
    if (region.startsWith("cn-")) {
      return "sns.amazonaws.com.cn";
    }
    if (region.startsWith("us-gov-")) {
      return "sns-us-gov-west-1.amazonaws.com";
    }
    if (SIGNING_REGIONS.contains(region)) {
      return "sns-signing." + region + ".amazonaws.com";
    }
    return "sns.amazonaws.com";
  }

  /** The host SNS serves this region's certificates and confirmation links from. */
  public static String host(String region) {
    return "sns." + region + ".amazonaws.com" + (region.startsWith("cn-") ? ".cn" : "");
  }

  /** The region of a topic ARN, or {@code null} when it is not one. */
  public static @Nullable String region(String topicArn) {
    Matcher m = ARN.matcher(topicArn);
    return m.matches() ? m.group(2) : null;
  }

  @Override
  public SignatureVerdict verify(WebhookRequest request) {
    Optional<Map<String, String>> parsed = SnsSignature.fields(request.body());
    if (parsed.isEmpty()) {
      return SignatureVerdict.failed(
          Reason.SIGNATURE_INVALID, "The body is not an Amazon SNS message.");
    }
    Map<String, String> fields = parsed.get();
    if (fields.get("Signature") == null || fields.get("SigningCertURL") == null) {
      return SignatureVerdict.failed(
          Reason.SIGNATURE_MISSING, "The SNS message carries no Signature or SigningCertURL.");
    }
    String topic = fields.get("TopicArn");
    if (topic == null || !topics.contains(topic)) {
      return SignatureVerdict.failed(
          Reason.SIGNATURE_INVALID, "The TopicArn is not one of this endpoint's topic-arns.");
    }
    String region = region(topic);
    URI certUrl = certificateUrl(fields.get("SigningCertURL"), region);
    if (certUrl == null) {
      return SignatureVerdict.failed(
          Reason.SIGNATURE_INVALID,
          "The SigningCertURL is not an Amazon SNS certificate of the topic's region.");
    }
    KeyLookup<X509Certificate> lookup = certificates.key(certUrl, "");
    if (lookup instanceof KeyLookup.Unavailable<X509Certificate> unavailable) {
      return SignatureVerdict.keyUnavailable(
          "The SNS signing certificate could not be fetched; retry later.",
          unavailable.retryAfter());
    }
    if (!(lookup instanceof KeyLookup.Found<X509Certificate> found)) {
      return SignatureVerdict.failed(
          Reason.SIGNATURE_INVALID,
          "The SigningCertURL is not an Amazon SNS certificate of the topic's region.");
    }
    Instant now = clock.instant();
    try {
      SnsSignature.accept(found.key(), signerName(region == null ? "" : region), now);
    } catch (CertificateException wrongOrExpired) {
      return SignatureVerdict.failed(
          Reason.SIGNATURE_INVALID,
          "The signing certificate is not Amazon SNS's for the topic's region, or not valid now.");
    }
    if (!SnsSignature.verify(fields, found.key())) {
      return SignatureVerdict.failed(
          Reason.SIGNATURE_INVALID, "The SNS signature does not match the message.");
    }
    Instant timestamp;
    try {
      timestamp = Instant.parse(fields.getOrDefault("Timestamp", ""));
    } catch (DateTimeParseException e) {
      return SignatureVerdict.failed(Reason.SIGNATURE_INVALID, "The SNS Timestamp is malformed.");
    }
    return new SignatureVerdict.Verified(LABEL, timestamp, fields.get("MessageId"));
  }

  /**
   * The certificate URL when it is on the SNS host of the topic's region, as it is fetched (moved
   * to the test server when the settings name one).
   */
  private @Nullable URI certificateUrl(@Nullable String value, @Nullable String region) {
    if (value == null || region == null) {
      return null;
    }
    URI url = SnsSignature.uri(value);
    if (url == null) {
      return null;
    }
    String path = url.getRawPath();
    if (path == null || !path.endsWith(".pem")) {
      return null;
    }
    if (SnsSignature.CERT_PIN.refusal(url) != null
        || !host(region).equalsIgnoreCase(String.valueOf(url.getHost()))) {
      return null;
    }
    return remoteKeys.resolve(url);
  }

  @Override
  public boolean signsTimestamp() {
    return true;
  }

  @Override
  public boolean coversBody() {
    return false; // the signed fields, not the body's bytes: whitespace between them is unsigned
  }

  /**
   * Not possible: AWS signs SNS messages with its own key.
   *
   * @throws IllegalArgumentException always
   */
  @Override
  public Map<String, String> sign(SigningInput input, Secret secret) {
    throw new IllegalArgumentException("Amazon SNS messages are signed by AWS, not with a secret");
  }
}

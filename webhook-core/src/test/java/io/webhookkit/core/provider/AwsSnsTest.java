package io.webhookkit.core.provider;

import static io.webhookkit.core.provider.PresetTests.post;
import static io.webhookkit.core.provider.PresetTests.proceeds;
import static io.webhookkit.core.provider.PresetTests.refused;
import static io.webhookkit.core.provider.PresetTests.responds;
import static io.webhookkit.core.provider.PresetTests.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.webhookkit.core.Decision;
import io.webhookkit.core.EndpointConfig;
import io.webhookkit.core.Reason;
import io.webhookkit.core.WebhookConfigurationException;
import io.webhookkit.core.WebhookEvent;
import io.webhookkit.core.WebhookGuard;
import io.webhookkit.core.WebhookRequest;
import io.webhookkit.core.internal.Json;
import io.webhookkit.core.internal.keys.LocalHttpsServer;
import io.webhookkit.core.internal.keys.SnsScheme;
import io.webhookkit.core.internal.keys.SnsSignature;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code aws-sns} preset through the whole guard, its certificates fetched from a real local
 * HTTPS server (certificate made for the run) through the programmatic {@link RemoteKeys} only:
 * AWS's published messages (aws-sdk-java-v2's SNS message manager test resources, with the
 * certificate that signed them, on a clock inside its validity), then fresh messages signed by a
 * test key whose certificate names {@code sns.amazonaws.com}, and every way a message can point the
 * kit elsewhere — none of which reaches the server (its log is asserted).
 */
class AwsSnsTest {
  private static final String TOPIC = "arn:aws:sns:us-west-2:131990247566:dongie-standard-topic";
  private static final String AWS_CERT =
      "/SimpleNotificationService-7506a1e35b36ef5a444dd1a8e7cc3ed8.pem";
  private static final String TEST_CERT = "/SimpleNotificationService-0123456789abcdef.pem";
  private static final String WRONG_NAME_CERT = "/SimpleNotificationService-fedcba9876543210.pem";
  private static final String SELF_SIGNED_CERT = "/SimpleNotificationService-5e1f5e1f5e1f5e1f.pem";
  private static final Instant AWS_NOW = Instant.parse("2026-03-06T20:01:00Z");
  private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");

  @TempDir static Path dir;
  private static byte[] testCertPem;
  private static byte[] wrongNameCertPem;
  private static PrivateKey testKey;
  private static LocalHttpsServer.Signer selfSigned;

  private LocalHttpsServer server;

  @BeforeAll
  static void signers() throws Exception {
    LocalHttpsServer.Signer sns =
        LocalHttpsServer.signer(
            dir, "sns", "CN=sns.amazonaws.com", "-ext", "SAN=dns:sns.amazonaws.com");
    testKey = sns.key();
    testCertPem = sns.certificatePem();
    wrongNameCertPem =
        LocalHttpsServer.signer(
                dir, "other", "CN=sns.example.com", "-ext", "SAN=dns:sns.example.com")
            .certificatePem();
    selfSigned =
        LocalHttpsServer.selfSigned(
            dir, "self", "CN=sns.amazonaws.com", "-ext", "SAN=dns:sns.amazonaws.com");
  }

  private static byte[] resource(String name) throws IOException {
    try (InputStream in =
        AwsSnsTest.class.getResourceAsStream("/io/webhookkit/core/internal/keys/sns/" + name)) {
      return Objects.requireNonNull(in, name).readAllBytes();
    }
  }

  @BeforeEach
  void start() throws Exception {
    server =
        new LocalHttpsServer(
            dir,
            path -> {
              try {
                return switch (path) {
                  case AWS_CERT ->
                      new LocalHttpsServer.Answer(200, List.of(), resource(AWS_CERT.substring(1)));
                  case TEST_CERT -> new LocalHttpsServer.Answer(200, List.of(), testCertPem);
                  case WRONG_NAME_CERT ->
                      new LocalHttpsServer.Answer(200, List.of(), wrongNameCertPem);
                  case SELF_SIGNED_CERT ->
                      new LocalHttpsServer.Answer(200, List.of(), selfSigned.certificatePem());
                  default ->
                      path.startsWith("/?Action=ConfirmSubscription&")
                          ? LocalHttpsServer.Answer.ok("<ConfirmSubscriptionResponse/>")
                          : new LocalHttpsServer.Answer(404, List.of(), new byte[0]);
                };
              } catch (IOException e) {
                throw new IllegalStateException(e);
              }
            });
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  private RemoteKeys remoteKeys(Instant now) {
    return server.remoteKeys(Clock.fixed(now, ZoneOffset.UTC));
  }

  /**
   * A guard at this instant; AWS's messages were published between 19:31 and 20:00, so a guard at
   * {@link #AWS_NOW} has a one-hour window.
   */
  private WebhookGuard guard(Instant now, Map<String, String> keys) {
    EndpointConfig.Builder b =
        EndpointConfig.builder("sns")
            .provider("aws-sns")
            .tolerance(now.equals(AWS_NOW) ? Duration.ofHours(1) : Duration.ofMinutes(5))
            .remoteKeys(remoteKeys(now));
    b.providerKey("topic-arns", TOPIC);
    keys.forEach(b::providerKey);
    return WebhookGuard.builder(b.build()).clock(Clock.fixed(now, ZoneOffset.UTC)).build();
  }

  /** As SNS posts: JSON sent as text/plain, with its headers. */
  private static WebhookRequest sns(byte[] body, String type) {
    return post(new String(body, StandardCharsets.UTF_8))
        .header("Content-Type", "text/plain; charset=UTF-8")
        .header("x-amz-sns-message-type", type)
        .header("x-amz-sns-topic-arn", TOPIC)
        .build();
  }

  @Test
  void awsPublishedNotificationsVerifyWithVersionTwoAndOne() throws Exception {
    WebhookGuard guard = guard(AWS_NOW, Map.of());

    WebhookEvent v2 =
        proceeds(guard, sns(resource("test-notification-signature-v2.json"), "Notification"));
    assertThat(v2.deliveryId()).contains("9d2c5580-b61d-550c-8583-37a582870907");
    assertThat(v2.eventType()).contains(TOPIC);
    assertThat(v2.secretLabel()).isEqualTo(SnsScheme.LABEL);
    assertThat(v2.attributes()).containsEntry("message-type", "Notification");

    WebhookEvent v1 =
        proceeds(guard, sns(resource("test-notification-with-subject.json"), "Notification"));
    assertThat(v1.deliveryId()).contains("26858270-545e-5848-82a2-e05566af3dcf");
    assertThat(v1.attributes()).containsEntry("subject", "My message subject");

    // one fetch of AWS's certificate, then the cache
    assertThat(server.log()).containsExactly(AWS_CERT);
  }

  @Test
  void awsPublishedSubscriptionConfirmationIsLoggedNotFetchedByDefault() throws Exception {
    WebhookGuard guard = guard(AWS_NOW, Map.of());
    Decision.Respond r =
        responds(
            guard,
            sns(resource("test-subscription-confirmation.json"), "SubscriptionConfirmation"));
    assertThat(r.status()).isEqualTo(200);
    assertThat(text(r)).isEqualTo("{\"subscription\":\"pending\"}");
    assertThat(server.log()).containsExactly(AWS_CERT);
  }

  @Test
  void autoConfirmFetchesTheSubscribeUrlOfThePublishedConfirmation() throws Exception {
    WebhookGuard guard = guard(AWS_NOW, Map.of("auto-confirm", "true"));
    Decision.Respond r =
        responds(
            guard,
            sns(resource("test-subscription-confirmation.json"), "SubscriptionConfirmation"));
    assertThat(r.status()).isEqualTo(200);
    assertThat(text(r)).isEqualTo("{\"subscription\":\"confirmed\"}");
    assertThat(server.log()).hasSize(2);
    assertThat(server.log().get(1))
        .startsWith("/?Action=ConfirmSubscription&TopicArn=" + TOPIC + "&Token=2336412f37fb");
  }

  @Test
  void aChangedFieldOrAnExpiredCertificateIsRefused() throws Exception {
    String body =
        new String(resource("test-notification-signature-v2.json"), StandardCharsets.UTF_8);
    WebhookGuard guard = guard(AWS_NOW, Map.of());
    refused(
        guard,
        sns(body.replace("version 2.", "version 3.").getBytes(StandardCharsets.UTF_8), "N"),
        Reason.SIGNATURE_INVALID);
    // AWS's certificate expired on 2026-10-14; the message's own timestamp is inside the window
    WebhookGuard later =
        WebhookGuard.builder(
                EndpointConfig.builder("sns")
                    .provider("aws-sns")
                    .providerKey("topic-arns", TOPIC)
                    .tolerance(Duration.ofDays(365))
                    .remoteKeys(remoteKeys(Instant.parse("2026-10-15T00:00:00Z")))
                    .build())
            .clock(Clock.fixed(Instant.parse("2026-10-15T00:00:00Z"), ZoneOffset.UTC))
            .build();
    refused(
        later,
        sns(body.getBytes(StandardCharsets.UTF_8), "Notification"),
        Reason.SIGNATURE_INVALID);
  }

  /** A fresh message signed by the test key, its certificate on the SNS host of us-west-2. */
  private static Map<String, String> message(String id, Instant timestamp, String certPath)
      throws Exception {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("Type", "Notification");
    m.put("MessageId", id);
    m.put("TopicArn", TOPIC);
    m.put("Message", "{\"order\":\"o-1\",\"note\":\"caf\u00e9\\n\"}");
    m.put("Timestamp", timestamp.toString());
    m.put("SignatureVersion", "2");
    m.put("SigningCertURL", "https://sns.us-west-2.amazonaws.com" + certPath);
    return m;
  }

  private static byte[] signed(Map<String, String> message) throws Exception {
    Map<String, String> m = new LinkedHashMap<>(message);
    Signature s = Signature.getInstance("SHA256withRSA");
    s.initSign(testKey);
    s.update(SnsSignature.stringToSign(m).orElseThrow().getBytes(StandardCharsets.UTF_8));
    m.put("Signature", Base64.getEncoder().encodeToString(s.sign()));
    return Json.object(m);
  }

  @Test
  void freshMessagesVerifyAndTheCertificateIsFetchedOnce() throws Exception {
    WebhookGuard guard = guard(NOW, Map.of());
    for (int i = 0; i < 3; i++) {
      WebhookEvent e =
          proceeds(
              guard,
              sns(signed(message("m-" + i, NOW.minusSeconds(5), TEST_CERT)), "Notification"));
      assertThat(e.deliveryId()).contains("m-" + i);
      assertThat(e.timestamp()).contains(NOW.minusSeconds(5));
    }
    assertThat(server.log()).containsExactly(TEST_CERT);
  }

  @Test
  void missingTamperedStaleOrForeignMessagesAreRefused() throws Exception {
    WebhookGuard guard = guard(NOW, Map.of());
    Map<String, String> good = message("m-1", NOW, TEST_CERT);

    Map<String, String> unsigned = new LinkedHashMap<>(good);
    refused(guard, sns(Json.object(unsigned), "Notification"), Reason.SIGNATURE_MISSING);

    String tampered = new String(signed(good), StandardCharsets.UTF_8).replace("o-1", "o-2");
    refused(
        guard,
        sns(tampered.getBytes(StandardCharsets.UTF_8), "Notification"),
        Reason.SIGNATURE_INVALID);

    refused(
        guard,
        sns(signed(message("m-2", NOW.minus(Duration.ofMinutes(6)), TEST_CERT)), "Notification"),
        Reason.TIMESTAMP_OUT_OF_TOLERANCE);
    refused(
        guard,
        sns(signed(message("m-3", NOW.plus(Duration.ofMinutes(6)), TEST_CERT)), "Notification"),
        Reason.TIMESTAMP_OUT_OF_TOLERANCE);

    refused(
        guard,
        sns(signed(message("m-4", NOW, WRONG_NAME_CERT)), "Notification"),
        Reason.SIGNATURE_INVALID);

    Map<String, String> otherTopic = new LinkedHashMap<>(good);
    otherTopic.put("TopicArn", "arn:aws:sns:us-west-2:999999999999:someone-elses");
    refused(guard, sns(signed(otherTopic), "Notification"), Reason.SIGNATURE_INVALID);
    assertThat(server.log()).containsExactly(TEST_CERT, WRONG_NAME_CERT);
  }

  @Test
  void aCertificateUrlOffTheTopicsSnsHostIsNeverFetched() throws Exception {
    WebhookGuard guard = guard(NOW, Map.of());
    for (String url :
        List.of(
            "http://sns.us-west-2.amazonaws.com" + TEST_CERT,
            "https://sns.us-west-2.amazonaws.com.evil.example" + TEST_CERT,
            "https://sns.us-east-1.amazonaws.com" + TEST_CERT,
            "https://s3.amazonaws.com" + TEST_CERT,
            "https://sns.us-west-2.amazonaws.com:8443" + TEST_CERT,
            "https://user@sns.us-west-2.amazonaws.com" + TEST_CERT,
            "https://sns.us-west-2.amazonaws.com/other/cert.pem",
            "https://sns.us-west-2.amazonaws.com" + TEST_CERT + "?x=1",
            "https://sns.us-west-2.amazonaws.com/SimpleNotificationService-1.txt")) {
      Map<String, String> m = message("m-1", NOW, TEST_CERT);
      m.put("SigningCertURL", url);
      refused(guard, sns(signed(m), "Notification"), Reason.SIGNATURE_INVALID);
    }
    assertThat(server.log()).isEmpty();
  }

  @Test
  void aCertificateNamedForSnsThatChainsToNoTrustedCaIsNeverUsed() throws Exception {
    // self-signed for sns.amazonaws.com, served from the pinned host: the name is right, the chain
    // is not — no key, so 503 (the provider retries once the kit trusts the issuer), never a 2xx
    Map<String, String> m = message("m-1", NOW, SELF_SIGNED_CERT);
    Map<String, String> signedBySelf = new LinkedHashMap<>(m);
    Signature s = Signature.getInstance("SHA256withRSA");
    s.initSign(selfSigned.key());
    s.update(SnsSignature.stringToSign(m).orElseThrow().getBytes(StandardCharsets.UTF_8));
    signedBySelf.put("Signature", Base64.getEncoder().encodeToString(s.sign()));
    Decision.Respond r =
        responds(guard(NOW, Map.of()), sns(Json.object(signedBySelf), "Notification"));
    assertThat(r.status()).isEqualTo(503);
    assertThat(r.reason()).isEqualTo(Reason.KEY_UNAVAILABLE);
    assertThat(server.log()).containsExactly(SELF_SIGNED_CERT);
  }

  @Test
  void withTheKeyHostDownAndNoCertificateCachedTheAnswerIs503WithRetryAfter() throws Exception {
    WebhookGuard guard = guard(NOW, Map.of());
    server.close();
    Decision.Respond r =
        responds(guard, sns(signed(message("m-1", NOW, TEST_CERT)), "Notification"));
    assertThat(r.status()).isEqualTo(503);
    assertThat(r.reason()).isEqualTo(Reason.KEY_UNAVAILABLE);
    assertThat(r.headers()).containsKey("Retry-After");
    assertThat(text(r)).doesNotContain("amazonaws").doesNotContain("localhost");
  }

  @Test
  void aConfirmationWhoseSubscribeUrlIsOffTheSnsHostIsNotFetched() throws Exception {
    WebhookGuard guard = guard(NOW, Map.of("auto-confirm", "true"));
    Map<String, String> m = message("c-1", NOW, TEST_CERT);
    m.put("Type", "SubscriptionConfirmation");
    m.put("Token", "token-1");
    m.put("SubscribeURL", "https://evil.example/?Action=ConfirmSubscription&Token=token-1");
    Decision.Respond r = responds(guard, sns(signed(m), "SubscriptionConfirmation"));
    assertThat(r.status()).isEqualTo(200);
    assertThat(text(r)).isEqualTo("{\"subscription\":\"not-confirmed\"}");
    assertThat(server.log()).containsExactly(TEST_CERT);
  }

  @Test
  void startUpNeedsTopicsAndRefusesSecrets() {
    assertThatThrownBy(() -> EndpointConfig.builder("sns").provider("aws-sns").build())
        .isInstanceOf(WebhookConfigurationException.class)
        .hasMessageContaining("topic-arns");
    assertThatThrownBy(
            () ->
                EndpointConfig.builder("sns")
                    .provider("aws-sns")
                    .providerKey("topic-arns", "orders")
                    .build())
        .hasMessageContaining("topic-arns");
    assertThatThrownBy(
            () ->
                EndpointConfig.builder("sns")
                    .provider("aws-sns")
                    .secrets("s3cr3t-value")
                    .providerKey("topic-arns", TOPIC)
                    .build())
        .hasMessageContaining("secrets")
        .hasMessageNotContaining("s3cr3t-value");
  }

  @Test
  void theSignerNameFollowsAwsRegions() {
    // aws-sdk-java-v2 SnsHostProviderTest's cases
    assertThat(SnsScheme.signerName("us-east-1")).isEqualTo("sns.amazonaws.com");
    assertThat(SnsScheme.signerName("me-south-1"))
        .isEqualTo("sns-signing.me-south-1.amazonaws.com");
    assertThat(SnsScheme.signerName("cn-north-1")).isEqualTo("sns-cn-north-1.amazonaws.com.cn");
    assertThat(SnsScheme.signerName("us-gov-east-1")).isEqualTo("sns-us-gov-west-1.amazonaws.com");
    assertThat(SnsScheme.host("cn-northwest-1")).isEqualTo("sns.cn-northwest-1.amazonaws.com.cn");
  }
}

package io.webhookkit.core.internal.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Amazon SNS signatures against AWS's published vectors: the real messages and signing certificate
 * of aws-sdk-java-v2's SNS message manager tests ({@code
 * services-custom/sns-message-manager/src/test/resources/software/amazon/awssdk/messagemanager/sns/internal/},
 * copied unchanged), under a fixed clock inside the certificate's validity (it ends 2026-10-14).
 * The negative cases are derived from them (one byte changed, an unknown version, a rebuilt
 * timestamp, other hosts).
 */
class SnsSignatureTest {
  /** When the vectors were signed: 2026-03-06. */
  private static final Instant SIGNED = Instant.parse("2026-03-06T21:00:00Z");

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = SnsSignatureTest.class.getResourceAsStream("sns/" + name)) {
      assertThat(in).as(name).isNotNull();
      return in.readAllBytes();
    }
  }

  private static X509Certificate certificate() throws Exception {
    return SnsSignature.certificate(
        resource("SimpleNotificationService-7506a1e35b36ef5a444dd1a8e7cc3ed8.pem"),
        "sns.amazonaws.com",
        SIGNED);
  }

  private static Map<String, String> message(String name) throws IOException {
    return SnsSignature.fields(resource(name)).orElseThrow();
  }

  @Test
  void awsPublishedMessagesVerifyWithTheirSigningCertificate() throws Exception {
    X509Certificate cert = certificate();

    assertThat(SnsSignature.verify(message("test-notification-signature-v2.json"), cert))
        .as("SignatureVersion 2, SHA256withRSA")
        .isTrue();
    assertThat(SnsSignature.verify(message("test-notification-with-subject.json"), cert))
        .as("SignatureVersion 1 with a Subject")
        .isTrue();
    assertThat(SnsSignature.verify(message("test-subscription-confirmation.json"), cert))
        .as("SubscriptionConfirmation, a Message with a real newline")
        .isTrue();
  }

  @Test
  void theStringToSignIsAwsDocumentedOne() throws Exception {
    // As in the research notes and AWS's SignatureValidator: key\nvalue\n per signed key.
    assertThat(SnsSignature.stringToSign(message("test-notification-signature-v2.json")))
        .contains(
            "Message\nThis message uses signature version 2.\n"
                + "MessageId\n9d2c5580-b61d-550c-8583-37a582870907\n"
                + "Timestamp\n2026-03-06T20:00:26.893Z\n"
                + "TopicArn\narn:aws:sns:us-west-2:131990247566:dongie-standard-topic\n"
                + "Type\nNotification\n");
  }

  @Test
  void anyChangeBreaksTheSignature() throws Exception {
    X509Certificate cert = certificate();
    Map<String, String> v2 = message("test-notification-signature-v2.json");

    Map<String, String> tampered = new LinkedHashMap<>(v2);
    tampered.put("Message", "This message uses signature version 3.");
    assertThat(SnsSignature.verify(tampered, cert)).isFalse();

    Map<String, String> rebuilt = new LinkedHashMap<>(v2);
    rebuilt.put(
        "Timestamp", Instant.parse(v2.get("Timestamp")).toString().replace(".893", ".8930"));
    assertThat(SnsSignature.verify(rebuilt, cert)).as("a re-formatted timestamp").isFalse();

    Map<String, String> version3 = new LinkedHashMap<>(v2);
    version3.put("SignatureVersion", "3");
    assertThat(SnsSignature.verify(version3, cert)).isFalse();

    Map<String, String> asV1 = new LinkedHashMap<>(v2);
    asV1.put("SignatureVersion", "1");
    assertThat(SnsSignature.verify(asV1, cert)).as("the SHA-256 signature read as SHA-1").isFalse();

    Map<String, String> unknownType = new LinkedHashMap<>(v2);
    unknownType.put("Type", "Other");
    assertThat(SnsSignature.verify(unknownType, cert)).isFalse();
  }

  @Test
  void theCertificateMustNameTheSignerAndBeValidNow() throws Exception {
    byte[] pem = resource("SimpleNotificationService-7506a1e35b36ef5a444dd1a8e7cc3ed8.pem");

    assertThatThrownBy(() -> SnsSignature.certificate(pem, "sns.evil.example", SIGNED))
        .isInstanceOf(CertificateException.class)
        .hasMessageContaining("not issued to");
    assertThatThrownBy(
            () ->
                SnsSignature.certificate(
                    pem, "sns.amazonaws.com", Instant.parse("2026-10-15T00:00:00Z")))
        .as("after notAfter 2026-10-14")
        .isInstanceOf(CertificateException.class);
    assertThatThrownBy(
            () ->
                SnsSignature.certificate(
                    "not a pem".getBytes(StandardCharsets.US_ASCII), "sns.amazonaws.com", SIGNED))
        .isInstanceOf(CertificateException.class);
  }

  @Test
  void signingCertificatesAreFetchedOnlyFromSnsHosts() {
    assertThat(
            SnsSignature.CERT_PIN.refusal(
                URI.create(
                    "https://sns.us-west-2.amazonaws.com/SimpleNotificationService-7506a1e35b36ef5a444dd1a8e7cc3ed8.pem")))
        .isNull();
    assertThat(
            SnsSignature.CERT_PIN.refusal(
                URI.create(
                    "https://sns.cn-north-1.amazonaws.com.cn/SimpleNotificationService-a.pem")))
        .isNull();
    for (String url :
        List.of(
            "http://sns.us-west-2.amazonaws.com/SimpleNotificationService-a.pem",
            "https://sns.us-west-2.amazonaws.com.evil.com/SimpleNotificationService-a.pem",
            "https://s3.amazonaws.com/SimpleNotificationService-a.pem",
            "https://evil.s3.amazonaws.com/SimpleNotificationService-a.pem",
            "https://sns.us-west-2.amazonaws.com:8443/SimpleNotificationService-a.pem",
            "https://sns.us-west-2.amazonaws.com/other.pem",
            "https://sns.us-west-2.amazonaws.com/SimpleNotificationService-a.pem?x=1")) {
      assertThat(SnsSignature.CERT_PIN.refusal(URI.create(url))).as(url).isNotNull();
    }
  }

  @Test
  void lambdaStyleKeysAreReadAndDuplicateOrMalformedBodiesAreNot() {
    assertThat(
            SnsSignature.fields(
                "{\"SigningCertUrl\":\"u\",\"SubscribeUrl\":\"s\"}"
                    .getBytes(StandardCharsets.UTF_8)))
        .hasValueSatisfying(f -> assertThat(f).containsKeys("SigningCertURL", "SubscribeURL"));
    assertThat(
            SnsSignature.fields(
                "{\"Message\":\"a\",\"Message\":\"b\"}".getBytes(StandardCharsets.UTF_8)))
        .isEmpty();
    assertThat(SnsSignature.fields("[1]".getBytes(StandardCharsets.UTF_8))).isEmpty();
    assertThat(SnsSignature.fields("{\"a\":".getBytes(StandardCharsets.UTF_8))).isEmpty();
  }
}

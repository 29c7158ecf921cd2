package io.webhookkit.core.internal.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.webhookkit.core.provider.RemoteKeys;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fetched signing certificates are accepted only when they chain to a trusted CA. The published
 * certificates are AWS's (aws-sdk-java-v2 {@code services/sns/src/test/resources}, issued by Amazon
 * RSA 2048 M01) and PayPal's (PayPal-Java-SDK {@code ValidateCertTest}, issued by DigiCert SHA2
 * Extended Validation Server CA); the shipped intermediates are checked here to chain to roots the
 * JDK trusts, which is what makes them authentic whatever their source (rustls/webpki's {@code
 * tests/amazon}, PayPal-Java-SDK's resources, DigiCert's EV RSA CA G2).
 */
class CertificateChainsTest {
  private static final Instant AWS_NOW = Instant.parse("2026-03-06T20:01:00Z");
  private static final Instant PAYPAL_NOW = Instant.parse("2017-03-30T20:05:00Z");

  @TempDir Path dir;

  private static X509Certificate resource(String path) throws Exception {
    try (InputStream in =
        CertificateChainsTest.class.getResourceAsStream(
            "/io/webhookkit/core/internal/keys/" + path)) {
      return (X509Certificate)
          CertificateFactory.getInstance("X.509")
              .generateCertificate(Objects.requireNonNull(in, path));
    }
  }

  private static X509Certificate aws() throws Exception {
    return resource("sns/SimpleNotificationService-7506a1e35b36ef5a444dd1a8e7cc3ed8.pem");
  }

  @Test
  void everyShippedIntermediateChainsToARootTheJdkTrusts() throws Exception {
    List<X509Certificate> shipped = new ArrayList<>(CertificateChains.AMAZON);
    shipped.addAll(CertificateChains.DIGICERT);
    assertThat(CertificateChains.AMAZON).hasSize(8);
    assertThat(CertificateChains.DIGICERT).hasSize(2);
    for (X509Certificate ca : shipped) {
      assertThat(ca.getBasicConstraints())
          .as(ca.getSubjectX500Principal().getName())
          .isNotNegative();
      assertThatCode(
              () ->
                  CertificateChains.validate(
                      List.of(ca),
                      List.of(),
                      RemoteKeys.defaults(),
                      Instant.parse("2026-12-07T00:00:00Z")))
          .as(ca.getSubjectX500Principal().getName())
          .doesNotThrowAnyException();
    }
  }

  @Test
  void awsPublishedSnsCertificateChainsThroughAmazonsIssuingCa() throws Exception {
    CertificateChains.validate(
        List.of(aws()), CertificateChains.AMAZON, RemoteKeys.defaults(), AWS_NOW);
    // AWS serves the certificate alone: without the shipped intermediate there is no path
    assertThatThrownBy(
            () ->
                CertificateChains.validate(
                    List.of(aws()), List.of(), RemoteKeys.defaults(), AWS_NOW))
        .isInstanceOf(CertificateException.class)
        .hasMessageContaining("CN=Amazon RSA 2048 M01");
  }

  @Test
  void anIntermediateAddedInTheSettingsCompletesThePath() throws Exception {
    X509Certificate m01 =
        CertificateChains.AMAZON.stream()
            .filter(c -> c.getSubjectX500Principal().getName().contains("Amazon RSA 2048 M01"))
            .findFirst()
            .orElseThrow();
    RemoteKeys settings = RemoteKeys.builder().intermediateCertificates(List.of(m01)).build();
    assertThatCode(() -> CertificateChains.validate(List.of(aws()), List.of(), settings, AWS_NOW))
        .doesNotThrowAnyException();
  }

  @Test
  void paypalsPublishedCertificateChainsThroughDigicertsEvCa() throws Exception {
    X509Certificate paypal = resource("paypal/testClientCert.crt");
    CertificateChains.validate(
        List.of(paypal), CertificateChains.DIGICERT, RemoteKeys.defaults(), PAYPAL_NOW);
    assertThatThrownBy(
            () ->
                CertificateChains.validate(
                    List.of(paypal), CertificateChains.AMAZON, RemoteKeys.defaults(), PAYPAL_NOW))
        .isInstanceOf(CertificateException.class);
  }

  @Test
  void trustAnchorsInTheSettingsReplaceTheJdks() throws Exception {
    X509Certificate testCa = LocalHttpsServer.testCa(dir);
    RemoteKeys onlyTheTestCa = RemoteKeys.builder().trustAnchors(Set.of(testCa)).build();
    assertThatThrownBy(
            () ->
                CertificateChains.validate(
                    List.of(aws()), CertificateChains.AMAZON, onlyTheTestCa, AWS_NOW))
        .isInstanceOf(CertificateException.class);
    X509Certificate issued =
        certificate(LocalHttpsServer.signer(dir, "sns", "CN=sns.amazonaws.com").certificatePem());
    CertificateChains.validate(
        List.of(issued), List.of(), onlyTheTestCa, Instant.parse("2026-12-01T00:00:00Z"));
    assertThatThrownBy(
            () ->
                CertificateChains.validate(
                    List.of(issued),
                    List.of(),
                    RemoteKeys.defaults(),
                    Instant.parse("2026-12-01T00:00:00Z")))
        .isInstanceOf(CertificateException.class)
        .hasMessageContaining("CN=webhook-kit test CA");
    assertThatThrownBy(() -> RemoteKeys.builder().trustAnchors(Set.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aSelfSignedCertificateWithTheRightNameDoesNotChain() throws Exception {
    X509Certificate self =
        certificate(
            LocalHttpsServer.selfSigned(
                    dir, "self", "CN=sns.amazonaws.com", "-ext", "SAN=dns:sns.amazonaws.com")
                .certificatePem());
    assertThatThrownBy(
            () ->
                CertificateChains.validate(
                    List.of(self),
                    CertificateChains.AMAZON,
                    RemoteKeys.defaults(),
                    Instant.parse("2026-12-01T00:00:00Z")))
        .isInstanceOf(CertificateException.class)
        .hasMessageContaining("CN=sns.amazonaws.com");
  }

  @Test
  void anExpiredSignerIsJudgedAtTheEndOfItsValidityLeavingItsDatesToTheRequest() throws Exception {
    // AWS's certificate expired on 2026-10-14: its chain is still its issuer's, so the fetch keeps
    // it and the request refuses it as expired (401), rather than as a key that could not be had
    assertThatCode(
            () ->
                CertificateChains.validate(
                    List.of(aws()),
                    CertificateChains.AMAZON,
                    RemoteKeys.defaults(),
                    Instant.parse("2026-12-07T00:00:00Z")))
        .doesNotThrowAnyException();
  }

  private static X509Certificate certificate(byte[] pem) throws Exception {
    return SigningCertificates.all(pem).get(0);
  }
}

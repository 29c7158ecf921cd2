package io.webhookkit.core.internal.keys;

import io.webhookkit.core.provider.RemoteKeys;
import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether a fetched signing certificate (AWS SNS, PayPal) chains to a trusted CA: a PKIX path from
 * the certificate, through the intermediates its answer carried, those the kit ships for the
 * provider and those the settings add, to one of the settings' trust anchors — by default the CAs
 * the JDK trusts. Revocation is not checked (as AWS's and PayPal's SDKs do not): the certificates
 * are short-lived and fetched over HTTPS from the provider's pinned host. Stateless.
 *
 * <p>The intermediates shipped are the issuing CAs' own certificates, each checked by a test to
 * chain to a root the JDK trusts: {@link #AMAZON} (Amazon RSA 2048 and 4096 M01–M04 under Amazon
 * Root CA 1 and 2, which issue SNS's certificates) and {@link #DIGICERT} (DigiCert SHA2 Extended
 * Validation Server CA, PayPal's issuer until 2024, and DigiCert EV RSA CA G2 under DigiCert Global
 * Root G2, the root PayPal moved to in October 2024).
 */
public final class CertificateChains {
  private static final Logger LOG = LoggerFactory.getLogger(CertificateChains.class);

  /** The Amazon Trust Services CAs that issue SNS signing certificates. */
  public static final List<X509Certificate> AMAZON = shipped("amazon-intermediates.pem");

  /** The DigiCert CAs that issue PayPal's message-verification certificates. */
  public static final List<X509Certificate> DIGICERT = shipped("digicert-intermediates.pem");

  private CertificateChains() {}

  /**
   * Accepts the certificate only when a path leads from it to a trust anchor, valid at {@code at} —
   * or, for a certificate not valid at {@code at}, at the nearest end of its validity: its own
   * dates are the caller's to judge per request (an expired signer's message is refused as invalid,
   * not as a key that could not be had).
   *
   * @param chain the fetched certificate first, then any further certificates its answer carried
   * @param intermediates the CAs the kit ships for this provider
   * @throws CertificateException naming the certificate's issuer when there is no such path
   */
  public static void validate(
      List<X509Certificate> chain,
      Collection<X509Certificate> intermediates,
      RemoteKeys settings,
      Instant at)
      throws CertificateException {
    X509Certificate leaf = chain.get(0);
    Set<TrustAnchor> anchors = anchors(settings);
    List<Certificate> pool = new ArrayList<>(chain);
    pool.addAll(intermediates);
    pool.addAll(settings.intermediateCertificates());
    try {
      X509CertSelector target = new X509CertSelector();
      target.setCertificate(leaf);
      PKIXBuilderParameters params = new PKIXBuilderParameters(anchors, target);
      params.setRevocationEnabled(false);
      Instant from = leaf.getNotBefore().toInstant();
      Instant until = leaf.getNotAfter().toInstant();
      Instant when = at.isBefore(from) ? from : at.isAfter(until) ? until : at;
      params.setDate(Date.from(when));
      params.addCertStore(
          CertStore.getInstance("Collection", new CollectionCertStoreParameters(pool)));
      CertPathBuilder.getInstance("PKIX").build(params);
    } catch (GeneralSecurityException noPath) {
      String issuer = leaf.getIssuerX500Principal().getName();
      LOG.warn(
          "webhook signing certificate {} does not chain to a trusted CA at {} (issuer: {}); if"
              + " that issuer is the provider's, add its certificate with"
              + " RemoteKeys.Builder.intermediateCertificates",
          SigningCertificates.commonName(leaf.getSubjectX500Principal()),
          at,
          issuer);
      throw new CertificateException("does not chain to a trusted CA (issuer: " + issuer + ")");
    }
  }

  /** The CAs the JDK trusts. */
  static Set<X509Certificate> jdkCertificates() {
    Set<X509Certificate> out = new HashSet<>();
    for (TrustAnchor a : JdkAnchors.ANCHORS) {
      out.add(a.getTrustedCert());
    }
    return out;
  }

  private static Set<TrustAnchor> anchors(RemoteKeys settings) {
    Set<X509Certificate> configured = settings.trustAnchors();
    if (configured.isEmpty()) {
      return JdkAnchors.ANCHORS;
    }
    Set<TrustAnchor> anchors = new HashSet<>();
    for (X509Certificate ca : configured) {
      anchors.add(new TrustAnchor(ca, null));
    }
    return anchors;
  }

  /** The CAs the JDK's default trust manager trusts, read once. */
  private static final class JdkAnchors {
    static final Set<TrustAnchor> ANCHORS = read();

    private static Set<TrustAnchor> read() {
      try {
        TrustManagerFactory factory =
            TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init((KeyStore) null);
        Set<TrustAnchor> anchors = new HashSet<>();
        for (TrustManager tm : factory.getTrustManagers()) {
          if (tm instanceof X509TrustManager x509) {
            for (X509Certificate ca : x509.getAcceptedIssuers()) {
              anchors.add(new TrustAnchor(ca, null));
            }
          }
        }
        return Set.copyOf(anchors);
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("the JDK's trusted CAs cannot be read", e);
      }
    }
  }

  private static List<X509Certificate> shipped(String name) {
    try (InputStream in = CertificateChains.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing " + name);
      }
      List<X509Certificate> out = new ArrayList<>();
      for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
        out.add((X509Certificate) c);
      }
      return List.copyOf(out);
    } catch (IOException | CertificateException e) {
      throw new IllegalStateException("unreadable " + name, e);
    }
  }
}

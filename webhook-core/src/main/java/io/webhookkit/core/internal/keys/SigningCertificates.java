package io.webhookkit.core.internal.keys;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.security.auth.x500.X500Principal;
import org.jspecify.annotations.Nullable;

/** What the certificate-fetching presets (AWS SNS, PayPal) read of a signing certificate. */
final class SigningCertificates {
  private SigningCertificates() {}

  /**
   * The certificates of a fetched PEM answer: the signer's first, then any of its chain.
   *
   * @throws CertificateException when the answer is not PEM certificates
   */
  static List<X509Certificate> all(byte[] pem) throws CertificateException {
    String text = new String(pem, StandardCharsets.US_ASCII).strip();
    if (!text.startsWith("-----BEGIN CERTIFICATE-----")
        || !text.endsWith("-----END CERTIFICATE-----")) {
      throw new CertificateException("not PEM certificates");
    }
    List<X509Certificate> out = new ArrayList<>();
    for (Certificate c :
        CertificateFactory.getInstance("X.509")
            .generateCertificates(new ByteArrayInputStream(pem))) {
      if (!(c instanceof X509Certificate x509)) {
        throw new CertificateException("not an X.509 certificate");
      }
      out.add(x509);
    }
    if (out.isEmpty()) {
      throw new CertificateException("no X.509 certificate");
    }
    return List.copyOf(out);
  }

  /** The certificate's DNS names and its subject's common name. */
  static List<String> names(X509Certificate cert) throws CertificateException {
    List<String> names = new ArrayList<>();
    Collection<List<?>> alternatives = cert.getSubjectAlternativeNames();
    if (alternatives != null) {
      for (List<?> a : alternatives) {
        if (a.size() == 2 && Integer.valueOf(2).equals(a.get(0)) && a.get(1) instanceof String s) {
          names.add(s); // dNSName
        }
      }
    }
    String cn = commonName(cert.getSubjectX500Principal());
    if (cn != null) {
      names.add(cn);
    }
    return names;
  }

  /** The subject's common name, or {@code null}. */
  static @Nullable String commonName(X500Principal subject) {
    try {
      for (Rdn rdn : new LdapName(subject.getName(X500Principal.RFC2253)).getRdns()) {
        if (rdn.getType().equalsIgnoreCase("CN") && rdn.getValue() instanceof String cn) {
          return cn;
        }
      }
    } catch (InvalidNameException unreadable) {
      return null;
    }
    return null;
  }
}

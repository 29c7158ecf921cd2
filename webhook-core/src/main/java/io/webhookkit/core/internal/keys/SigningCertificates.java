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
   * The first certificate of a fetched PEM answer (the signer's; any further blocks are its chain).
   *
   * @throws CertificateException when the answer is not PEM certificates
   */
  static X509Certificate leaf(byte[] pem) throws CertificateException {
    String text = new String(pem, StandardCharsets.US_ASCII).strip();
    if (!text.startsWith("-----BEGIN CERTIFICATE-----")
        || !text.endsWith("-----END CERTIFICATE-----")) {
      throw new CertificateException("not PEM certificates");
    }
    Collection<? extends Certificate> all =
        CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(pem));
    if (all.isEmpty() || !(all.iterator().next() instanceof X509Certificate first)) {
      throw new CertificateException("no X.509 certificate");
    }
    return first;
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

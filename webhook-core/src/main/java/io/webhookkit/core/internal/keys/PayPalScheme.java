package io.webhookkit.core.internal.keys;

import io.webhookkit.core.Reason;
import io.webhookkit.core.Secret;
import io.webhookkit.core.WebhookRequest;
import io.webhookkit.core.provider.RemoteKeys;
import io.webhookkit.core.signature.SignatureScheme;
import io.webhookkit.core.signature.SignatureVerdict;
import io.webhookkit.core.signature.SigningInput;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import org.jspecify.annotations.Nullable;

/**
 * PayPal's REST webhook signature: {@code PAYPAL-TRANSMISSION-SIG}, SHA256withRSA over {@code
 * <transmission id>|<transmission time>|<webhook id>|<CRC32 of the body as unsigned decimal>}, by
 * the key of the certificate at {@code PAYPAL-CERT-URL} — fetched only from PayPal's API hosts
 * ({@code api[-m].[sandbox.]paypal.com}) under {@code /v1/notifications/certs/}, over HTTPS, and
 * accepted only when it chains to a trusted CA ({@link CertificateChains}), is PayPal's
 * message-verification certificate ({@code messageverificationcerts…paypal.com}, the name PayPal's
 * Java SDK checks) and valid now. The algorithm header must say {@code SHA256withRSA} (PayPal's SDK
 * passes the header to {@code Signature.getInstance}; the kit does not). The signed transmission
 * time is held to the endpoint's window. The body is covered only through CRC32, which is not
 * collision-resistant: the window bounds how long a captured transmission can be replayed with
 * another body. Thread-safe.
 *
 * @see <a href="https://developer.paypal.com/api/rest/webhooks/rest/">PayPal: integrate
 *     webhooks</a>
 */
public final class PayPalScheme implements SignatureScheme {
  /** The label a verified delivery reports in place of a secret's. */
  public static final String LABEL = "paypal-certificate";

  /** PayPal's API hosts, live and sandbox. */
  static final HostPin CERT_PIN =
      HostPin.matching("api(-m)?\\.(sandbox\\.)?paypal\\.com", "/v1/notifications/certs/");

  private static final Pattern SIGNER =
      Pattern.compile("messageverificationcerts(\\.[a-z0-9-]+)*\\.paypal\\.com");

  private final String webhookId;
  private final RemoteKeySource<X509Certificate> certificates;
  private final RemoteKeys remoteKeys;
  private final Clock clock;

  /**
   * A scheme for this webhook.
   *
   * @param webhookId the webhook's id in PayPal's developer dashboard
   * @param remoteKeys how certificates are fetched
   */
  public PayPalScheme(String webhookId, RemoteKeys remoteKeys) {
    this.webhookId = webhookId;
    this.certificates =
        RemoteKeySource.builder(CERT_PIN, body -> Map.of("", trusted(body, remoteKeys)), remoteKeys)
            .maxBytes(32 * 1024)
            .build();
    this.remoteKeys = remoteKeys;
    this.clock = remoteKeys.clock();
  }

  /**
   * The fetched certificate, when it chains to a trusted CA through the certificates its answer
   * carried and DigiCert's issuing CAs.
   */
  private static X509Certificate trusted(byte[] pem, RemoteKeys remoteKeys)
      throws CertificateException {
    List<X509Certificate> chain = SigningCertificates.all(pem);
    CertificateChains.validate(
        chain, CertificateChains.DIGICERT, remoteKeys, remoteKeys.clock().instant());
    return chain.get(0);
  }

  @Override
  public SignatureVerdict verify(WebhookRequest request) {
    Optional<String> signature = request.header("paypal-transmission-sig");
    Optional<String> id = request.header("paypal-transmission-id");
    Optional<String> time = request.header("paypal-transmission-time");
    Optional<String> certUrl = request.header("paypal-cert-url");
    if (signature.isEmpty() || id.isEmpty() || time.isEmpty() || certUrl.isEmpty()) {
      return SignatureVerdict.failed(
          Reason.SIGNATURE_MISSING,
          "The request lacks a PAYPAL-TRANSMISSION-SIG, -ID, -TIME or PAYPAL-CERT-URL header.");
    }
    if (!"SHA256withRSA".equals(request.header("paypal-auth-algo").orElse(""))) {
      return SignatureVerdict.failed(
          Reason.SIGNATURE_INVALID, "The PAYPAL-AUTH-ALGO header is not SHA256withRSA.");
    }
    Instant sent;
    try {
      sent = Instant.parse(time.get());
    } catch (DateTimeParseException malformed) {
      return SignatureVerdict.failed(
          Reason.SIGNATURE_INVALID, "The PAYPAL-TRANSMISSION-TIME header is not an instant.");
    }
    URI url = certificateUrl(certUrl.get());
    if (url == null) {
      return SignatureVerdict.failed(
          Reason.SIGNATURE_INVALID, "The PAYPAL-CERT-URL is not a PayPal certificate URL.");
    }
    KeyLookup<X509Certificate> lookup = certificates.key(remoteKeys.resolve(url), "");
    if (lookup instanceof KeyLookup.Unavailable<X509Certificate> unavailable) {
      return SignatureVerdict.keyUnavailable(
          "PayPal's signing certificate could not be fetched; retry later.",
          unavailable.retryAfter());
    }
    if (!(lookup instanceof KeyLookup.Found<X509Certificate> found)
        || !acceptable(found.key(), clock.instant())) {
      return SignatureVerdict.failed(
          Reason.SIGNATURE_INVALID,
          "The PAYPAL-CERT-URL does not hold PayPal's valid message-verification certificate.");
    }
    CRC32 crc = new CRC32();
    crc.update(request.body());
    String signed = id.get() + "|" + time.get() + "|" + webhookId + "|" + crc.getValue();
    try {
      Signature verifier = Signature.getInstance("SHA256withRSA");
      verifier.initVerify(found.key().getPublicKey());
      verifier.update(signed.getBytes(StandardCharsets.UTF_8));
      if (verifier.verify(Base64.getMimeDecoder().decode(signature.get()))) {
        return new SignatureVerdict.Verified(LABEL, sent, null);
      }
    } catch (GeneralSecurityException | IllegalArgumentException invalid) {
      // reported below
    }
    return SignatureVerdict.failed(
        Reason.SIGNATURE_INVALID,
        "The PAYPAL-TRANSMISSION-SIG does not match the transmission, the webhook id and the body.");
  }

  private static boolean acceptable(X509Certificate cert, Instant now) {
    try {
      cert.checkValidity(Date.from(now));
      return SigningCertificates.names(cert).stream().anyMatch(n -> SIGNER.matcher(n).matches());
    } catch (CertificateException expiredOrUnreadable) {
      return false;
    }
  }

  /** The URL when PayPal's pin admits it, else {@code null}. */
  private static @Nullable URI certificateUrl(String value) {
    try {
      URI url = new URI(value.trim());
      return CERT_PIN.refusal(url) == null ? url : null;
    } catch (URISyntaxException malformed) {
      return null;
    }
  }

  @Override
  public boolean signsTimestamp() {
    return true;
  }

  /**
   * Not possible: PayPal signs with its own key.
   *
   * @throws IllegalArgumentException always
   */
  @Override
  public Map<String, String> sign(SigningInput input, Secret secret) {
    throw new IllegalArgumentException("PayPal webhooks are signed by PayPal, not with a secret");
  }

  @Override
  public String toString() {
    return "PayPalScheme[" + LABEL + "]";
  }
}

package io.webhookkit.core.internal.keys;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Amazon SNS message signatures (SignatureVersion 1: SHA1withRSA, 2: SHA256withRSA) over the string
 * AWS builds from the JSON-decoded fields — {@code key\nvalue\n} for each signed key in order, the
 * raw {@code Timestamp} string (never a re-formatted date) — with the certificate at {@code
 * SigningCertURL}, fetched only from {@code https://sns.<region>.amazonaws.com[.cn]/
 * SimpleNotificationService-….pem} and accepted only when it names the expected signer and is valid
 * at the verification instant. As AWS's own message manager and validators do (see aws-sdk-java-v2
 * {@code SignatureValidator}, aws-php-sns-message-validator). Stateless.
 */
public final class SnsSignature {
  /** The hosts SNS publishes its signing certificates on. */
  public static final String CERT_HOSTS = "sns\\.[a-z0-9-]{3,}\\.amazonaws\\.com(\\.cn)?";

  /** Where SNS signing certificates may be fetched from. */
  public static final HostPin CERT_PIN =
      HostPin.matching(CERT_HOSTS, "/SimpleNotificationService-");

  private static final List<String> NOTIFICATION =
      List.of("Message", "MessageId", "Subject", "Timestamp", "TopicArn", "Type");
  private static final List<String> CONFIRMATION =
      List.of("Message", "MessageId", "SubscribeURL", "Timestamp", "Token", "TopicArn", "Type");
  private static final JsonFactory JSON = new JsonFactory();

  private SnsSignature() {}

  /**
   * A message's top-level string fields, with the key names Lambda relays use ({@code
   * SigningCertUrl}, {@code SubscribeUrl}, {@code UnsubscribeUrl}) mapped to SNS's.
   *
   * @return empty when the body is not a JSON object of strings
   */
  public static Optional<Map<String, String>> fields(byte[] body) {
    Map<String, String> out = new LinkedHashMap<>();
    try (JsonParser p = JSON.createParser(body)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return Optional.empty();
      }
      JsonToken t;
      while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
        String name = canonical(p.currentName());
        JsonToken value = p.nextToken();
        if (value == JsonToken.VALUE_STRING) {
          if (out.put(name, p.getText()) != null) {
            return Optional.empty(); // a key given twice: which one was signed?
          }
        } else if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
          p.skipChildren();
        }
      }
      if (t != JsonToken.END_OBJECT || p.nextToken() != null) {
        return Optional.empty();
      }
    } catch (IOException malformed) {
      return Optional.empty();
    }
    return Optional.of(out);
  }

  private static String canonical(String name) {
    return switch (name) {
      case "SigningCertUrl" -> "SigningCertURL";
      case "SubscribeUrl" -> "SubscribeURL";
      case "UnsubscribeUrl" -> "UnsubscribeURL";
      default -> name;
    };
  }

  /**
   * The string SNS signed for these fields.
   *
   * @return empty for an unknown {@code Type} or a missing signed field
   */
  public static Optional<String> stringToSign(Map<String, String> fields) {
    String type = fields.get("Type");
    List<String> keys;
    if ("Notification".equals(type)) {
      keys = NOTIFICATION;
    } else if ("SubscriptionConfirmation".equals(type) || "UnsubscribeConfirmation".equals(type)) {
      keys = CONFIRMATION;
    } else {
      return Optional.empty();
    }
    StringBuilder s = new StringBuilder();
    for (String key : keys) {
      String value = fields.get(key);
      if (value == null) {
        if (key.equals("Subject")) {
          continue; // signed only when present
        }
        return Optional.empty();
      }
      s.append(key).append('\n').append(value).append('\n');
    }
    return Optional.of(s.toString());
  }

  /** A URI from a message's field, or {@code null} when it is not one. */
  static @Nullable URI uri(String value) {
    try {
      return new URI(value);
    } catch (URISyntaxException malformed) {
      return null;
    }
  }

  /** Whether the fields carry a valid signature by this certificate's key. */
  public static boolean verify(Map<String, String> fields, X509Certificate certificate) {
    String algorithm =
        switch (String.valueOf(fields.get("SignatureVersion"))) {
          case "1" -> "SHA1withRSA";
          case "2" -> "SHA256withRSA";
          default -> null;
        };
    String signature = fields.get("Signature");
    Optional<String> signed = stringToSign(fields);
    if (algorithm == null || signature == null || signed.isEmpty()) {
      return false;
    }
    try {
      Signature verifier = Signature.getInstance(algorithm);
      verifier.initVerify(certificate.getPublicKey());
      verifier.update(signed.get().getBytes(StandardCharsets.UTF_8));
      return verifier.verify(Base64.getMimeDecoder().decode(signature));
    } catch (GeneralSecurityException | IllegalArgumentException invalid) {
      return false;
    }
  }

  /**
   * Parses a fetched signing certificate (one PEM block) and accepts it only when its DNS name (or
   * common name) is the expected signer's and it is valid at {@code now}.
   *
   * @param expectedName e.g. {@code sns.amazonaws.com}
   * @throws CertificateException naming what is wrong
   */
  public static X509Certificate certificate(byte[] pem, String expectedName, Instant now)
      throws CertificateException {
    X509Certificate cert = parse(pem);
    accept(cert, expectedName, now);
    return cert;
  }

  /**
   * Parses a fetched signing certificate: exactly one PEM certificate block.
   *
   * @throws CertificateException when it is anything else
   */
  public static X509Certificate parse(byte[] pem) throws CertificateException {
    List<X509Certificate> all = SigningCertificates.all(pem);
    if (all.size() != 1) {
      throw new CertificateException("not one PEM certificate");
    }
    return all.get(0);
  }

  /**
   * Accepts a signing certificate only when its DNS name (or common name) is the expected signer's
   * and it is valid at {@code now}.
   *
   * @throws CertificateException naming what is wrong
   */
  public static void accept(X509Certificate cert, String expectedName, Instant now)
      throws CertificateException {
    if (!SigningCertificates.names(cert).contains(expectedName)) {
      throw new CertificateException("not issued to " + expectedName);
    }
    cert.checkValidity(Date.from(now));
  }
}

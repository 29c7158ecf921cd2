package io.webhookkit.core.signature;

import io.webhookkit.core.Reason;
import io.webhookkit.core.Secret;
import io.webhookkit.core.WebhookRequest;
import io.webhookkit.core.internal.Base64s;
import io.webhookkit.core.internal.Hex;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A public-key signature over {@code <timestamp><body>}, verified with the JDK alone: Discord's
 * Ed25519 ({@code X-Signature-Ed25519} in hex, {@code X-Signature-Timestamp}; the key is the
 * application's hex public key) and SendGrid's ECDSA P-256 with SHA-256 ({@code
 * X-Twilio-Email-Event-Webhook-Signature}, a base64 DER signature; the key is the base64 X.509
 * verification key SendGrid shows). The "secrets" of such an endpoint are public keys: nothing
 * secret is configured. Immutable and thread-safe.
 */
public final class PublicKeySignatureScheme implements SignatureScheme {
  private static final byte[] ED25519_X509_PREFIX = {
    0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00
  };

  /** The signature algorithm and how keys and signatures are written. */
  public enum Algorithm {
    /** Ed25519; signatures and the 32-byte public key in hex. */
    ED25519("Ed25519", "Ed25519"),
    /** Ed25519; signatures and the 32-byte public key in base64 (Telnyx). */
    ED25519_BASE64("Ed25519", "Ed25519"),
    /** ECDSA P-256 with SHA-256; DER signatures and the X.509 public key in base64. */
    ECDSA_P256("SHA256withECDSA", "EC");

    private final String jcaSignature;
    private final String jcaKey;

    Algorithm(String jcaSignature, String jcaKey) {
      this.jcaSignature = jcaSignature;
      this.jcaKey = jcaKey;
    }

    PublicKey publicKey(String text) throws GeneralSecurityException {
      byte[] encoded;
      if (this == ED25519 || this == ED25519_BASE64) {
        byte[] raw = this == ED25519 ? Hex.decode(text, 0, text.length()) : Base64s.decode(text);
        if (raw == null || raw.length != 32) {
          throw new GeneralSecurityException("not a 32-byte key");
        }
        encoded = new byte[ED25519_X509_PREFIX.length + 32];
        System.arraycopy(ED25519_X509_PREFIX, 0, encoded, 0, ED25519_X509_PREFIX.length);
        System.arraycopy(raw, 0, encoded, ED25519_X509_PREFIX.length, 32);
      } else {
        encoded = Base64s.decode(stripPem(text));
        if (encoded == null) {
          throw new GeneralSecurityException("not base64");
        }
      }
      return KeyFactory.getInstance(jcaKey).generatePublic(new X509EncodedKeySpec(encoded));
    }

    byte @Nullable [] decodeSignature(String text) {
      return this == ED25519 ? Hex.decode(text, 0, text.length()) : Base64s.decode(text);
    }

    String describeKey() {
      return switch (this) {
        case ED25519 -> "an Ed25519 public key in hex (64 digits)";
        case ED25519_BASE64 -> "an Ed25519 public key in base64 (32 bytes)";
        case ECDSA_P256 -> "an ECDSA P-256 public key in base64 (X.509)";
      };
    }

    String encodeSignature(byte[] signature) {
      return this == ED25519 ? Hex.encode(signature) : Base64s.encode(signature);
    }
  }

  private record Key(String label, PublicKey key) {}

  private final Algorithm algorithm;
  private final String header;
  private final String timestampHeader;
  private final byte[] joiner;
  private final List<Key> keys;

  private PublicKeySignatureScheme(
      Algorithm algorithm, String header, String timestampHeader, String joiner, List<Key> keys) {
    this.algorithm = algorithm;
    this.header = header;
    this.timestampHeader = timestampHeader;
    this.joiner = joiner.getBytes(StandardCharsets.UTF_8);
    this.keys = keys;
  }

  /**
   * A scheme for these public keys.
   *
   * @throws IllegalArgumentException naming the key's label when a key cannot be read
   */
  public static PublicKeySignatureScheme of(
      Algorithm algorithm, String header, String timestampHeader, List<Secret> publicKeys) {
    List<Key> keys = new ArrayList<>();
    for (Secret secret : publicKeys) {
      try {
        keys.add(new Key(secret.label(), algorithm.publicKey(secret.reveal().trim())));
      } catch (GeneralSecurityException | RuntimeException e) {
        throw new IllegalArgumentException(secret.label() + " is not " + algorithm.describeKey());
      }
    }
    return new PublicKeySignatureScheme(algorithm, header, timestampHeader, "", List.copyOf(keys));
  }

  /**
   * A scheme for these public keys over {@code <timestamp><joiner><body>} (Telnyx: {@code |}).
   *
   * @throws IllegalArgumentException naming the key's label when a key cannot be read
   */
  public static PublicKeySignatureScheme of(
      Algorithm algorithm,
      String header,
      String timestampHeader,
      String joiner,
      List<Secret> publicKeys) {
    PublicKeySignatureScheme plain = of(algorithm, header, timestampHeader, publicKeys);
    return new PublicKeySignatureScheme(algorithm, header, timestampHeader, joiner, plain.keys);
  }

  private static String stripPem(String text) {
    return text.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
  }

  @Override
  public boolean signsTimestamp() {
    return true;
  }

  @Override
  public SignatureVerdict verify(WebhookRequest request) {
    Optional<String> sig = request.header(header.toLowerCase(Locale.ROOT));
    if (sig.isEmpty()) {
      return SignatureVerdict.failed(
          Reason.SIGNATURE_MISSING, "The request has no " + header + " header.");
    }
    Optional<String> ts = request.header(timestampHeader.toLowerCase(Locale.ROOT));
    if (ts.isEmpty()) {
      return SignatureVerdict.failed(
          Reason.SIGNATURE_MISSING, "The request has no " + timestampHeader + " header.");
    }
    Instant instant = Timestamps.seconds(ts.get().trim());
    if (instant == null) {
      return SignatureVerdict.failed(
          Reason.SIGNATURE_INVALID, "The " + timestampHeader + " header is not a Unix timestamp.");
    }
    byte @Nullable [] signature = algorithm.decodeSignature(sig.get().trim());
    if (signature == null || signature.length == 0) {
      return SignatureVerdict.failed(
          Reason.SIGNATURE_INVALID, "The " + header + " header holds no well-formed signature.");
    }
    byte[] timestamp = ts.get().trim().getBytes(StandardCharsets.UTF_8);
    for (Key key : keys) {
      try {
        Signature verifier = Signature.getInstance(algorithm.jcaSignature);
        verifier.initVerify(key.key());
        verifier.update(timestamp);
        verifier.update(joiner);
        verifier.update(request.body());
        if (verifier.verify(signature)) {
          return new SignatureVerdict.Verified(key.label(), instant, null);
        }
      } catch (GeneralSecurityException | RuntimeException malformed) {
        // a signature this key cannot even parse does not match it
      }
    }
    return SignatureVerdict.failed(
        Reason.SIGNATURE_INVALID, "The " + header + " signature matches no configured key.");
  }

  /**
   * Signs as the provider would, with a private key given as the base64 of its PKCS#8 encoding (for
   * tests and test senders).
   */
  @Override
  public Map<String, String> sign(SigningInput input, Secret secret) {
    String t = Long.toString(input.requireTimestamp().getEpochSecond());
    try {
      byte[] pkcs8 = Base64s.decode(secret.reveal().trim());
      if (pkcs8 == null) {
        throw new IllegalArgumentException(secret.label() + " is not a base64 PKCS#8 private key");
      }
      PrivateKey key =
          KeyFactory.getInstance(algorithm.jcaKey).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
      Signature signer = Signature.getInstance(algorithm.jcaSignature);
      signer.initSign(key);
      signer.update(t.getBytes(StandardCharsets.UTF_8));
      signer.update(joiner);
      signer.update(input.body());
      Map<String, String> headers = new LinkedHashMap<>();
      headers.put(timestampHeader, t);
      headers.put(header, algorithm.encodeSignature(signer.sign()));
      return headers;
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException(
          secret.label() + " cannot sign: " + e.getClass().getSimpleName());
    }
  }

  @Override
  public String toString() {
    return "PublicKeySignatureScheme[" + algorithm + " in " + header + ", " + keys.size() + "]";
  }
}

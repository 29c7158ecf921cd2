package io.webhookkit.core.signature;

import io.webhookkit.core.Reason;
import io.webhookkit.core.Secret;
import io.webhookkit.core.WebhookRequest;
import io.webhookkit.core.internal.Base64s;
import io.webhookkit.core.internal.Hex;
import io.webhookkit.core.internal.Macs;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.crypto.Mac;

/**
 * The Standard Webhooks scheme (also Svix's): headers {@code webhook-id}, {@code webhook-timestamp}
 * and {@code webhook-signature}; the signed content is {@code <id>.<timestamp>.<body>}; the
 * signature header is a space-separated list of {@code <version>,<base64>} entries. {@code v1} is
 * HMAC-SHA256 with the base64-decoded {@code whsec_} secret; {@code v1a} is Ed25519 (from the JDK)
 * with a {@code whpk_} public key. Unknown versions are skipped, so senders can add new ones.
 *
 * <p>Several header families may be given (Svix sends {@code svix-*} and may send {@code
 * webhook-*}); the first family whose signature header is present is used whole, so the id,
 * timestamp and signature always come from the same family. The id is signed, and is reported as
 * the delivery id. Immutable and thread-safe.
 *
 * @see <a
 *     href="https://github.com/standard-webhooks/standard-webhooks/blob/main/spec/standard-webhooks.md">Standard
 *     Webhooks specification</a>
 */
public final class StandardWebhooksSignatureScheme implements SignatureScheme {
  /** The standard's own headers. */
  public static final HeaderFamily STANDARD =
      new HeaderFamily("webhook-id", "webhook-timestamp", "webhook-signature");

  /** Svix's headers. */
  public static final HeaderFamily SVIX =
      new HeaderFamily("svix-id", "svix-timestamp", "svix-signature");

  private static final byte[] ED25519_X509_PREFIX = hex("302a300506032b6570032100");
  private static final byte[] ED25519_PKCS8_PREFIX = hex("302e020100300506032b657004220420");
  private static final SignedContent CONTENT = SignedContent.parse("{id}.{timestamp}.{body}");

  /**
   * The three header names of one family.
   *
   * @param id the delivery id header
   * @param timestamp the Unix timestamp header
   * @param signature the signature list header
   */
  public record HeaderFamily(String id, String timestamp, String signature) {}

  private record PublicKeyEntry(String label, PublicKey key) {}

  private final List<HeaderFamily> families;
  private final List<KeyedMac> hmacKeys;
  private final List<PublicKeyEntry> publicKeys;

  private StandardWebhooksSignatureScheme(
      List<HeaderFamily> families, List<KeyedMac> hmacKeys, List<PublicKeyEntry> publicKeys) {
    this.families = families;
    this.hmacKeys = hmacKeys;
    this.publicKeys = publicKeys;
  }

  /**
   * A scheme for these header families and secrets. Each secret is {@code whsec_<base64>} (or bare
   * base64, as the reference libraries accept) for {@code v1}, or {@code whpk_<base64 of 32 bytes>}
   * for {@code v1a}.
   *
   * @throws IllegalArgumentException naming the secret's label when a secret cannot be decoded, or
   *     is a {@code whsk_} signing key (which belongs to the sender only)
   */
  public static StandardWebhooksSignatureScheme of(
      List<HeaderFamily> families, List<Secret> secrets) {
    if (families.isEmpty()) {
      throw new IllegalArgumentException("no header family");
    }
    List<KeyedMac> hmac = new ArrayList<>();
    List<PublicKeyEntry> pub = new ArrayList<>();
    for (Secret secret : secrets) {
      String value = secret.reveal().trim();
      if (value.startsWith("whpk_")) {
        byte[] raw = Base64s.decode(value.substring(5));
        if (raw == null || raw.length != 32) {
          throw new IllegalArgumentException(
              secret.label()
                  + " is not whpk_ followed by the base64 of a 32-byte Ed25519 public key");
        }
        pub.add(new PublicKeyEntry(secret.label(), publicKey(raw)));
      } else if (value.startsWith("whsk_")) {
        throw new IllegalArgumentException(
            secret.label()
                + " is a whsk_ signing key, which only the sender may hold; configure its whpk_ public key");
      } else {
        byte[] key = Base64s.decode(value.startsWith("whsec_") ? value.substring(6) : value);
        if (key == null || key.length == 0) {
          throw new IllegalArgumentException(
              secret.label()
                  + " is not whsec_ followed by base64 (Standard Webhooks secrets are base64)");
        }
        hmac.add(KeyedMac.of(secret, key, HmacAlgorithm.SHA256));
      }
    }
    return new StandardWebhooksSignatureScheme(
        List.copyOf(families), List.copyOf(hmac), List.copyOf(pub));
  }

  @Override
  public boolean signsTimestamp() {
    return true;
  }

  @Override
  public SignatureVerdict verify(WebhookRequest request) {
    HeaderFamily family = null;
    for (HeaderFamily f : families) {
      if (request.headers().contains(f.signature())) {
        family = f;
        break;
      }
    }
    if (family == null) {
      return SignatureVerdict.failed(
          Reason.SIGNATURE_MISSING,
          "The request has no " + families.get(0).signature() + " header.");
    }
    String idValue = request.headerValue(family.id()); // no Optional per delivery
    if (idValue == null) {
      return SignatureVerdict.failed(
          Reason.SIGNATURE_MISSING, "The request has no " + family.id() + " header.");
    }
    String timestamp = request.headerValue(family.timestamp());
    if (timestamp == null) {
      return SignatureVerdict.failed(
          Reason.SIGNATURE_MISSING, "The request has no " + family.timestamp() + " header.");
    }
    Instant instant = Timestamps.seconds(timestamp);
    if (instant == null) {
      return SignatureVerdict.failed(
          Reason.SIGNATURE_INVALID,
          "The " + family.timestamp() + " header is not a Unix timestamp.");
    }
    // v1 (HMAC): the expected MAC at scratch[0, 32), each candidate decoded at scratch[32, 64);
    // nothing allocated per signature. v1a (Ed25519) candidates are decoded only when needed.
    List<String> values = request.headers().all(family.signature());
    byte[] body = request.body();
    byte[] scratch = Macs.scratch(128);
    boolean wellFormed = false;
    for (int k = 0; k < hmacKeys.size(); k++) {
      KeyedMac key = hmacKeys.get(k);
      Mac mac = key.macs().get();
      CONTENT.update(mac, idValue, timestamp, body);
      Macs.finish(mac, scratch, 0);
      for (int v = 0; v < values.size(); v++) {
        String value = values.get(v);
        int n = value.length();
        for (int i = 0; i < n; ) {
          int end = value.indexOf(' ', i);
          end = end < 0 ? n : end;
          if (value.startsWith("v1,", i)
              && Base64s.decodeInto(value, i + 3, end, scratch, 32, 32)) {
            wellFormed = true;
            if (Macs.equal(scratch, 0, scratch, 32, 32)) {
              return new SignatureVerdict.Verified(key.label(), instant, idValue);
            }
          }
          i = end + 1;
        }
      }
    }
    byte[] content = null;
    for (int v = 0; v < values.size(); v++) {
      String value = values.get(v);
      int n = value.length();
      for (int i = 0; i < n; ) {
        int end = value.indexOf(' ', i);
        end = end < 0 ? n : end;
        if (value.startsWith("v1,", i)) {
          wellFormed |= Base64s.decodeInto(value, i + 3, end, scratch, 64, 32);
        } else if (value.startsWith("v1a,", i)
            && Base64s.decodeInto(value, i + 4, end, scratch, 64, 64)) {
          wellFormed = true;
          if (!publicKeys.isEmpty()) {
            byte[] candidate = Arrays.copyOfRange(scratch, 64, 128);
            if (content == null) {
              content = CONTENT.bytes(idValue, timestamp, body);
            }
            for (PublicKeyEntry key : publicKeys) {
              if (ed25519Verifies(key.key(), content, candidate)) {
                return new SignatureVerdict.Verified(key.label(), instant, idValue);
              }
            }
          }
        }
        i = end + 1;
      }
    }
    if (!wellFormed) {
      return SignatureVerdict.failed(
          Reason.SIGNATURE_INVALID,
          "The " + family.signature() + " header holds no well-formed v1 or v1a signature.");
    }
    return SignatureVerdict.failed(
        Reason.SIGNATURE_INVALID,
        "No signature in " + family.signature() + " matches a configured secret.");
  }

  /**
   * Signs with a {@code whsec_} secret ({@code v1}) or a {@code whsk_} Ed25519 signing key ({@code
   * v1a}: base64 of the 32-byte seed, or of 64 bytes seed and public key) and returns the first
   * family's three headers.
   */
  @Override
  public Map<String, String> sign(SigningInput input, Secret secret) {
    String id = input.requireId();
    String timestamp = Long.toString(input.requireTimestamp().getEpochSecond());
    String value = secret.reveal().trim();
    String signature;
    if (value.startsWith("whsk_")) {
      byte[] raw = Base64s.decode(value.substring(5));
      if (raw == null || (raw.length != 32 && raw.length != 64)) {
        throw new IllegalArgumentException(
            secret.label() + " is not whsk_ followed by base64 of an Ed25519 key");
      }
      try {
        byte[] pkcs8 = concat(ED25519_PKCS8_PREFIX, Arrays.copyOf(raw, 32));
        PrivateKey key =
            KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        Signature ed = Signature.getInstance("Ed25519");
        ed.initSign(key);
        ed.update(CONTENT.bytes(id, timestamp, input.body()));
        signature = "v1a," + Base64s.encode(ed.sign());
      } catch (GeneralSecurityException e) {
        throw new IllegalArgumentException("cannot sign with Ed25519: " + e.getClass().getName());
      }
    } else {
      StandardWebhooksSignatureScheme one = of(families, List.of(secret));
      Mac mac = one.hmacKeys.get(0).macs().get();
      CONTENT.update(mac, id, timestamp, input.body());
      signature = "v1," + Base64s.encode(mac.doFinal());
    }
    HeaderFamily family = families.get(0);
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put(family.id(), id);
    headers.put(family.timestamp(), timestamp);
    headers.put(family.signature(), signature);
    return headers;
  }

  /**
   * The {@code whpk_} public key of a {@code whsk_} signing key of 64 bytes (seed then public key,
   * as {@link #generateSigningKey()} makes them).
   */
  public static String publicKeyOf(Secret signingKey) {
    String value = signingKey.reveal().trim();
    byte[] raw = value.startsWith("whsk_") ? Base64s.decode(value.substring(5)) : null;
    if (raw == null || raw.length != 64) {
      throw new IllegalArgumentException(
          signingKey.label() + " is not whsk_ with 64 bytes (seed and public key)");
    }
    return "whpk_" + Base64s.encode(Arrays.copyOfRange(raw, 32, 64));
  }

  /** A fresh Ed25519 signing key as {@code whsk_<base64 of seed and public key>}. */
  public static String generateSigningKey() {
    try {
      KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
      byte[] pkcs8 = pair.getPrivate().getEncoded();
      byte[] x509 = pair.getPublic().getEncoded();
      byte[] seed = Arrays.copyOfRange(pkcs8, pkcs8.length - 32, pkcs8.length);
      byte[] pub = Arrays.copyOfRange(x509, x509.length - 32, x509.length);
      return "whsk_" + Base64s.encode(concat(seed, pub));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JDK 15+ has Ed25519", e);
    }
  }

  private static boolean ed25519Verifies(PublicKey key, byte[] content, byte[] signature) {
    try {
      Signature ed = Signature.getInstance("Ed25519");
      ed.initVerify(key);
      ed.update(content);
      return ed.verify(signature);
    } catch (GeneralSecurityException | RuntimeException malformed) {
      return false;
    }
  }

  private static PublicKey publicKey(byte[] raw) {
    try {
      return KeyFactory.getInstance("Ed25519")
          .generatePublic(new X509EncodedKeySpec(concat(ED25519_X509_PREFIX, raw)));
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("not an Ed25519 public key: " + e.getClass().getName());
    }
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  private static byte[] hex(String s) {
    byte[] out = Hex.decode(s, 0, s.length());
    return Objects.requireNonNull(out);
  }

  @Override
  public String toString() {
    return "StandardWebhooksSignatureScheme["
        + families.get(0).signature()
        + ", "
        + hmacKeys.size()
        + " v1 secret(s), "
        + publicKeys.size()
        + " v1a key(s)]";
  }
}

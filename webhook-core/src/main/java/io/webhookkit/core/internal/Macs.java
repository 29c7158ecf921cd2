package io.webhookkit.core.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import javax.crypto.Mac;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.SecretKeySpec;

/**
 * A keyed MAC, initialised once and handed out per thread, so that verification neither looks up a
 * provider nor re-keys on the request path. Thread-safe.
 */
public final class Macs {
  private final ThreadLocal<Mac> perThread;
  private final int length;

  /**
   * Keys a MAC.
   *
   * @param algorithm a JCA name such as {@code HmacSHA256}
   * @param key the key bytes (not retained beyond the JCA key object)
   * @throws IllegalArgumentException when the key is empty or the algorithm unknown
   */
  public Macs(String algorithm, byte[] key) {
    if (key.length == 0) {
      throw new IllegalArgumentException("an empty key");
    }
    Mac prototype;
    try {
      prototype = Mac.getInstance(algorithm);
      prototype.init(new SecretKeySpec(key, algorithm));
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("cannot key " + algorithm + ": " + e.getClass().getName());
    }
    this.length = prototype.getMacLength();
    this.perThread = ThreadLocal.withInitial(() -> copy(prototype, algorithm, key));
  }

  private static Mac copy(Mac prototype, String algorithm, byte[] key) {
    try {
      return (Mac) prototype.clone();
    } catch (CloneNotSupportedException e) {
      try {
        Mac mac = Mac.getInstance(algorithm);
        mac.init(new SecretKeySpec(key, algorithm));
        return mac;
      } catch (GeneralSecurityException again) {
        throw new IllegalStateException("cannot key " + algorithm, again);
      }
    }
  }

  /** This thread's MAC, reset and ready for {@code update}. */
  public Mac get() {
    Mac mac = perThread.get();
    mac.reset();
    return mac;
  }

  /** The MAC's output length in bytes. */
  public int length() {
    return length;
  }

  /**
   * Compares {@code a[aOffset..]} and {@code b[bOffset..]} over {@code length} bytes in time that
   * depends only on the length.
   */
  public static boolean equal(byte[] a, int aOffset, byte[] b, int bOffset, int length) {
    int diff = 0;
    for (int i = 0; i < length; i++) {
      diff |= a[aOffset + i] ^ b[bOffset + i];
    }
    return diff == 0;
  }

  /** Finishes the MAC into {@code out[offset..]}. */
  public static void finish(Mac mac, byte[] out, int offset) {
    try {
      mac.doFinal(out, offset);
    } catch (ShortBufferException e) {
      throw new IllegalStateException("scratch buffer too small", e);
    }
  }

  /** A per-thread scratch buffer of at least this many bytes (for MAC outputs and candidates). */
  public static byte[] scratch(int length) {
    byte[] b = SCRATCH.get();
    if (b.length < length) {
      b = new byte[Math.max(length, 2 * b.length)];
      SCRATCH.set(b);
    }
    return b;
  }

  private static final ThreadLocal<byte[]> SCRATCH = ThreadLocal.withInitial(() -> new byte[256]);

  /** Compares in constant time for equal lengths ({@link MessageDigest#isEqual}). */
  public static boolean equal(byte[] a, byte[] b) {
    return MessageDigest.isEqual(a, b);
  }

  /** A SHA-256 digest per thread, for body fingerprints. */
  private static final ThreadLocal<MessageDigest> SHA256 =
      ThreadLocal.withInitial(
          () -> {
            try {
              return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
              throw new IllegalStateException("every JDK has SHA-256", e);
            }
          });

  /**
   * The SHA-256 of a text's UTF-8 bytes: compare secrets and tokens as digests, so that neither
   * their content nor their length shows in the comparison's time.
   */
  public static byte[] sha256(String text) {
    return sha256(text.getBytes(StandardCharsets.UTF_8));
  }

  /** The SHA-256 of the bytes. */
  public static byte[] sha256(byte[] bytes) {
    MessageDigest digest = SHA256.get();
    digest.reset();
    return digest.digest(bytes);
  }

  /** The SHA-256 of the bytes, as lower-case hex. */
  public static String sha256Hex(byte[] bytes) {
    return Hex.encode(sha256(bytes));
  }
}

package io.webhookkit.core.signature;

import io.webhookkit.core.Secret;
import io.webhookkit.core.internal.Macs;

/**
 * One configured secret, keyed once, with its label.
 *
 * @param verified the verdict of a match where nothing but the body is signed (no timestamp, no
 *     id): made once, so that such a match allocates nothing
 */
record KeyedMac(String label, Macs macs, SignatureVerdict.Verified verified) {
  static KeyedMac of(Secret secret, byte[] key, HmacAlgorithm algorithm) {
    return new KeyedMac(
        secret.label(),
        new Macs(algorithm.jcaName(), key),
        new SignatureVerdict.Verified(secret.label(), null, null));
  }
}

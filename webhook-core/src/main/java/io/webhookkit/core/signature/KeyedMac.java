package io.webhookkit.core.signature;

import io.webhookkit.core.Secret;
import io.webhookkit.core.internal.Macs;

/** One configured secret, keyed once, with its label. */
record KeyedMac(String label, Macs macs) {
  static KeyedMac of(Secret secret, byte[] key, HmacAlgorithm algorithm) {
    return new KeyedMac(secret.label(), new Macs(algorithm.jcaName(), key));
  }
}

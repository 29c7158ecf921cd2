package io.webhookkit.core.internal;

import org.jspecify.annotations.Nullable;

/** One IPv4 or IPv6 block, {@code 10.0.0.0/8}, {@code 2001:db8::/32} or a single address. */
public final class CidrBlock {
  private final byte[] network;
  private final int prefix;

  private CidrBlock(byte[] network, int prefix) {
    this.network = network;
    this.prefix = prefix;
  }

  /**
   * Parses a block. Host bits beyond the prefix are cleared. Host names are refused.
   *
   * @throws IllegalArgumentException with a message fit for a configuration error
   */
  public static CidrBlock parse(String text) {
    String s = text.trim();
    int slash = s.indexOf('/');
    String addressPart = slash < 0 ? s : s.substring(0, slash);
    byte[] address = IpAddresses.parse(addressPart);
    if (address == null) {
      throw new IllegalArgumentException(
          "'" + text + "' is not an IP address or CIDR block (host names are not accepted)");
    }
    int bits = address.length * 8;
    int prefix = bits;
    if (slash >= 0) {
      String p = s.substring(slash + 1);
      if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(c -> c >= '0' && c <= '9')) {
        throw new IllegalArgumentException("'" + text + "' has an invalid prefix length");
      }
      prefix = Integer.parseInt(p);
      boolean mappedV4 = address.length == 4 && addressPart.indexOf(':') >= 0;
      if (mappedV4) {
        // ::ffff:10.0.0.0/104 is 10.0.0.0/8 once the mapping is removed.
        if (prefix < 96 || prefix > 128) {
          throw new IllegalArgumentException("'" + text + "' has an invalid prefix length");
        }
        prefix -= 96;
      }
      if (prefix > bits) {
        throw new IllegalArgumentException(
            "'" + text + "' has a prefix longer than " + bits + " bits");
      }
    }
    byte[] network = address.clone();
    for (int i = 0; i < network.length; i++) {
      int keep = Math.max(0, Math.min(8, prefix - i * 8));
      network[i] &= (byte) (0xff << (8 - keep));
    }
    return new CidrBlock(network, prefix);
  }

  /** True when the address (from {@link IpAddresses#parse}) lies in this block. */
  public boolean contains(byte @Nullable [] address) {
    if (address == null || address.length != network.length) {
      return false;
    }
    int full = prefix / 8;
    for (int i = 0; i < full; i++) {
      if (address[i] != network[i]) {
        return false;
      }
    }
    int rest = prefix % 8;
    if (rest == 0) {
      return true;
    }
    int mask = (0xff << (8 - rest)) & 0xff;
    return (address[full] & mask) == (network[full] & 0xff);
  }

  @Override
  public String toString() {
    return IpAddresses.format(network) + "/" + prefix;
  }
}

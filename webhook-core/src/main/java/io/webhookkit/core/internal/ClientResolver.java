package io.webhookkit.core.internal;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Finds the client behind trusted proxies and whether it called over HTTPS.
 *
 * <p>Forwarding headers are believed only when the peer is a trusted proxy, and the chain is walked
 * from the right, hop by hop, only while each hop is a trusted proxy: the first untrusted address
 * is the client. A client cannot make itself trusted, loopback or HTTPS by sending these headers
 * itself. Thread-safe.
 */
public final class ClientResolver {
  private final AddressSet trustedProxies;

  /** A resolver that believes forwarding headers only from these proxies. */
  public ClientResolver(AddressSet trustedProxies) {
    this.trustedProxies = trustedProxies;
  }

  /**
   * The resolved client.
   *
   * @param address the client's address, or {@code null} when it cannot be known
   * @param secure whether the client called over HTTPS
   */
  public record Client(byte @Nullable [] address, boolean secure) {
    /** The address for logs, or {@code "unknown"}. */
    public String display() {
      return IpAddresses.display(address);
    }
  }

  /** True when some proxy is trusted: only then can forwarding headers count. */
  public boolean hasTrustedProxies() {
    return !trustedProxies.isEmpty();
  }

  /** True when this peer is a trusted proxy, whose forwarding headers are believed. */
  public boolean trusts(@Nullable String remoteAddress) {
    return !trustedProxies.isEmpty() && trustedProxies.contains(IpAddresses.parse(remoteAddress));
  }

  /**
   * Resolves the client of one request.
   *
   * @param remoteAddress the peer address as the server reports it
   * @param secure whether the connection to this server is TLS
   * @param forwarded values of {@code Forwarded}
   * @param xForwardedFor values of {@code X-Forwarded-For}
   * @param xForwardedProto values of {@code X-Forwarded-Proto}
   */
  public Client resolve(
      @Nullable String remoteAddress,
      boolean secure,
      List<String> forwarded,
      List<String> xForwardedFor,
      List<String> xForwardedProto) {
    byte[] peer = IpAddresses.parse(remoteAddress);
    if (trustedProxies.isEmpty() || !trustedProxies.contains(peer)) {
      return new Client(peer, secure);
    }
    List<ForwardedHops.Hop> hops;
    if (!forwarded.isEmpty()) {
      hops = ForwardedHops.fromForwarded(forwarded);
    } else if (!xForwardedFor.isEmpty()) {
      hops = ForwardedHops.fromXForwarded(xForwardedFor, xForwardedProto);
    } else {
      // A trusted proxy that names no client: the proxy is the client; its scheme may be given.
      hops = List.of();
      if (!xForwardedProto.isEmpty()) {
        List<ForwardedHops.Hop> protoOnly =
            ForwardedHops.fromXForwarded(
                List.of(remoteAddress == null ? "" : remoteAddress), xForwardedProto);
        return new Client(peer, isHttps(protoOnly.get(0).proto(), secure));
      }
    }
    byte[] client = peer;
    boolean clientSecure = secure;
    for (int i = hops.size() - 1; i >= 0; i--) {
      ForwardedHops.Hop hop = hops.get(i);
      client = hop.address();
      clientSecure = isHttps(hop.proto(), clientSecure);
      if (client == null || !trustedProxies.contains(client)) {
        break;
      }
    }
    return new Client(client, clientSecure);
  }

  private static boolean isHttps(@Nullable String proto, boolean fallback) {
    if (proto == null || proto.isEmpty()) {
      return fallback;
    }
    return proto.trim().equalsIgnoreCase("https");
  }
}

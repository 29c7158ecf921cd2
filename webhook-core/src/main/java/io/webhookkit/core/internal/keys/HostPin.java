package io.webhookkit.core.internal.keys;

import io.webhookkit.core.provider.RemoteKeys;
import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Where a preset's keys may come from: {@code https} only, a host that matches the preset's pattern
 * exactly (never a host taken from the request unchecked), the default port, no user info, query or
 * fragment unless allowed, and a path under the preset's prefix. Immutable.
 */
public final class HostPin {
  private final Pattern host;
  private final String pathPrefix;
  private final boolean queryAllowed;
  private final int port;

  private HostPin(Pattern host, String pathPrefix, boolean queryAllowed, int port) {
    this.host = host;
    this.pathPrefix = pathPrefix;
    this.queryAllowed = queryAllowed;
    this.port = port;
  }

  /** Hosts matching this pattern in full (case-insensitive), paths under this prefix. */
  public static HostPin matching(String hostPattern, String pathPrefix) {
    return new HostPin(
        Pattern.compile(hostPattern, Pattern.CASE_INSENSITIVE),
        Objects.requireNonNull(pathPrefix, "pathPrefix"),
        false,
        -1);
  }

  /** Exactly this host, paths under this prefix. */
  public static HostPin exact(String host, String pathPrefix) {
    return matching(Pattern.quote(host), pathPrefix);
  }

  /** The same pin, with a query string allowed (e.g. JWKS endpoints with parameters). */
  public HostPin allowingQuery() {
    return new HostPin(host, pathPrefix, true, port);
  }

  /** The same pin on this port instead of 443: for tests against a local server only. */
  public HostPin onPort(int port) {
    return new HostPin(host, pathPrefix, queryAllowed, port);
  }

  /**
   * The pin as the remote-key settings say: unchanged, or moved to their test server (that host and
   * port only, the same path prefix and query rule).
   */
  public HostPin under(RemoteKeys remoteKeys) {
    return remoteKeys
        .testHost()
        .map(
            h ->
                new HostPin(
                    Pattern.compile(Pattern.quote(h), Pattern.CASE_INSENSITIVE),
                    pathPrefix,
                    queryAllowed,
                    remoteKeys.testPort()))
        .orElse(this);
  }

  /** Why this URL may not be fetched, or {@code null} when it may. */
  public @Nullable String refusal(URI url) {
    if (!"https".equalsIgnoreCase(url.getScheme())) {
      return "not https";
    }
    if (url.getRawUserInfo() != null) {
      return "user info in the URL";
    }
    if (url.getRawFragment() != null || (!queryAllowed && url.getRawQuery() != null)) {
      return "a query or fragment in the URL";
    }
    String h = url.getHost();
    if (h == null || !host.matcher(h.toLowerCase(Locale.ROOT)).matches()) {
      return "host not pinned";
    }
    if (url.getPort() != port && !(port == -1 && url.getPort() == 443)) {
      return "port not pinned";
    }
    String path = url.getRawPath();
    if (path == null
        || !path.startsWith(pathPrefix)
        || path.contains("/../")
        || path.contains("%")) {
      return "path not pinned";
    }
    return null;
  }
}

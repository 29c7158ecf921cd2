package io.webhookkit.core.provider;

import java.net.URI;
import java.net.http.HttpClient;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * How the presets whose verification keys are fetched at run time (AWS SNS certificates, Google's
 * and Entra ID's JWKS, PayPal certificates, …) reach their providers' key hosts: the HTTP client,
 * the longest a request waits for a fetch, the clock keys are judged by. Each preset pins its own
 * hosts; nothing here can widen that pin except {@link Builder#testServer}, which exists for tests
 * against a local HTTPS server and is set only in code, never by a configuration key. Immutable.
 *
 * <p>The default: a client that follows no redirects and trusts the JDK's CA certificates, a
 * 3-second time-out, the system clock, and fetched signing certificates (AWS SNS, PayPal) accepted
 * only when they chain to a CA the JDK trusts.
 */
public final class RemoteKeys {
  private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(3);
  private static final RemoteKeys DEFAULTS = builder().build();

  private final @Nullable HttpClient httpClient;
  private final @Nullable String testHost;
  private final int testPort;
  private final Duration timeout;
  private final Clock clock;
  private final Set<X509Certificate> trustAnchors;
  private final List<X509Certificate> intermediates;

  private RemoteKeys(Builder b) {
    this.httpClient = b.httpClient;
    this.testHost = b.testHost;
    this.testPort = b.testPort;
    this.timeout = b.timeout;
    this.clock = b.clock;
    this.trustAnchors = b.trustAnchors;
    this.intermediates = b.intermediates;
  }

  /** The defaults: the JDK's trust, no redirects, 3 s, the system clock. */
  public static RemoteKeys defaults() {
    return DEFAULTS;
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** The client that fetches keys: the one given, else one shared client following no redirects. */
  public HttpClient httpClient() {
    HttpClient c = httpClient;
    return c != null ? c : SharedClient.CLIENT;
  }

  /** The default client, made on first use. */
  private static final class SharedClient {
    static final HttpClient CLIENT =
        HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(DEFAULT_TIMEOUT)
            .build();
  }

  /** The longest a request waits for a key fetch. */
  public Duration timeout() {
    return timeout;
  }

  /** The clock keys, certificates and tokens are judged by. */
  public Clock clock() {
    return clock;
  }

  /** The CAs a fetched signing certificate must chain to: empty means the CAs the JDK trusts. */
  public Set<X509Certificate> trustAnchors() {
    return trustAnchors;
  }

  /** Intermediate CA certificates added to those the kit ships for each provider. */
  public List<X509Certificate> intermediateCertificates() {
    return intermediates;
  }

  /** The local test server standing in for every provider's key host, when one was set. */
  public Optional<String> testHost() {
    return Optional.ofNullable(testHost);
  }

  /** The test server's port ({@code -1} without one). */
  public int testPort() {
    return testHost == null ? -1 : testPort;
  }

  /**
   * A key URL as it is fetched: unchanged, or on the test server (the same raw path and query,
   * escapes kept as they are) when one is set.
   */
  public URI resolve(URI url) {
    String host = testHost;
    if (host == null) {
      return url;
    }
    String query = url.getRawQuery();
    return URI.create(
        "https://"
            + host
            + ":"
            + testPort
            + Objects.requireNonNullElse(url.getRawPath(), "")
            + (query == null ? "" : "?" + query));
  }

  /** Builds the settings; not thread-safe. */
  public static final class Builder {
    private @Nullable HttpClient httpClient;
    private @Nullable String testHost;
    private int testPort = -1;
    private Duration timeout = DEFAULT_TIMEOUT;
    private Clock clock = Clock.systemUTC();
    private Set<X509Certificate> trustAnchors = Set.of();
    private List<X509Certificate> intermediates = List.of();

    private Builder() {}

    /**
     * The client that fetches keys, e.g. one with the application's proxy settings.
     *
     * @throws IllegalArgumentException when it follows redirects (a key host's redirect could lead
     *     anywhere)
     */
    public Builder httpClient(HttpClient client) {
      if (client.followRedirects() != HttpClient.Redirect.NEVER) {
        throw new IllegalArgumentException("a key client must not follow redirects");
      }
      this.httpClient = client;
      return this;
    }

    /**
     * Every preset's key host replaced by this local HTTPS server (same paths): for tests only,
     * with a {@link #httpClient client} that trusts the test server's CA. The presets' other checks
     * (path prefixes, certificate names, issuers, audiences) stay as they are.
     */
    public Builder testServer(String host, int port) {
      this.testHost = Objects.requireNonNull(host, "host");
      if (port < 1 || port > 65_535) {
        throw new IllegalArgumentException("not a port: " + port);
      }
      this.testPort = port;
      return this;
    }

    /** The longest a request waits for a key fetch (default 3 s; at most 10 s). */
    public Builder timeout(Duration timeout) {
      if (timeout.isNegative()
          || timeout.isZero()
          || timeout.compareTo(Duration.ofSeconds(10)) > 0) {
        throw new IllegalArgumentException("a key fetch time-out is more than 0 and at most 10 s");
      }
      this.timeout = timeout;
      return this;
    }

    /** The clock keys are judged by (default the system's). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * The CAs fetched signing certificates (AWS SNS, PayPal) must chain to, in place of the CAs the
     * JDK trusts: for a private trust store, or a test CA.
     *
     * @throws IllegalArgumentException when empty
     */
    public Builder trustAnchors(Collection<X509Certificate> anchors) {
      if (anchors.isEmpty()) {
        throw new IllegalArgumentException("at least one trust anchor");
      }
      this.trustAnchors = Set.copyOf(anchors);
      return this;
    }

    /**
     * Intermediate CA certificates a fetched signing certificate may chain through, added to those
     * the kit ships: for when a provider moves to an issuing CA the kit does not know yet and does
     * not send it with the certificate (the warning logged then names the issuer). They are not
     * trusted by themselves: the path must still end at a trust anchor.
     */
    public Builder intermediateCertificates(Collection<X509Certificate> certificates) {
      this.intermediates = List.copyOf(certificates);
      return this;
    }

    /** The settings. */
    public RemoteKeys build() {
      return new RemoteKeys(this);
    }
  }
}

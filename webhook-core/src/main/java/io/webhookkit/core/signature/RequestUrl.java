package io.webhookkit.core.signature;

import io.webhookkit.core.WebhookRequest;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The public URL a provider called, for schemes that sign it: the endpoint's {@code public-url}
 * followed by the request's query when one is configured, otherwise rebuilt from the request as
 * this server saw it: scheme, {@code Host}, raw path and raw query. {@code X-Forwarded-Proto},
 * {@code X-Forwarded-Host} and {@code X-Forwarded-Port} are believed only when the peer is a
 * trusted proxy. Computed once, on first use; not thread-safe (one per request).
 */
public final class RequestUrl {
  private final WebhookRequest request;
  private final @Nullable String publicUrl;
  private final boolean trustForwarding;
  private @Nullable String value;

  private RequestUrl(WebhookRequest request, @Nullable String publicUrl, boolean trustForwarding) {
    this.request = request;
    this.publicUrl = publicUrl;
    this.trustForwarding = trustForwarding;
  }

  /**
   * The URL of one request.
   *
   * @param request the request
   * @param publicUrl the endpoint's configured public URL, or {@code null}
   * @param trustForwarding whether the peer is a trusted proxy whose forwarding headers count
   */
  public static RequestUrl of(
      WebhookRequest request, @Nullable String publicUrl, boolean trustForwarding) {
    return new RequestUrl(request, publicUrl, trustForwarding);
  }

  /** The URL rebuilt from the request alone, believing no forwarding header. */
  public static RequestUrl direct(WebhookRequest request) {
    return of(request, null, false);
  }

  /** The URL, with the raw query when there is one. */
  public String value() {
    String v = value;
    if (v == null) {
      v = compute();
      value = v;
    }
    return v;
  }

  private String compute() {
    String query = request.query().filter(q -> !q.isEmpty()).orElse(null);
    if (publicUrl != null) {
      return query == null || publicUrl.indexOf('?') >= 0 ? publicUrl : publicUrl + "?" + query;
    }
    String scheme = request.isSecure() ? "https" : "http";
    String host = request.header("host").orElse("localhost").trim();
    String port = null;
    if (trustForwarding) {
      String proto = leftmost(request.headers().all("x-forwarded-proto"));
      if (proto != null) {
        scheme = proto.toLowerCase(Locale.ROOT);
      }
      String forwardedHost = leftmost(request.headers().all("x-forwarded-host"));
      if (forwardedHost != null) {
        host = forwardedHost;
      }
      port = leftmost(request.headers().all("x-forwarded-port"));
    }
    StringBuilder url = new StringBuilder(scheme).append("://").append(host);
    boolean hostHasPort = host.lastIndexOf(':') > host.lastIndexOf(']');
    if (port != null && !hostHasPort && !port.equals(defaultPort(scheme))) {
      url.append(':').append(port);
    }
    url.append(request.path());
    if (query != null) {
      url.append('?').append(query);
    }
    return url.toString();
  }

  static String defaultPort(String scheme) {
    return scheme.equals("https") ? "443" : "80";
  }

  private static @Nullable String leftmost(List<String> values) {
    if (values.isEmpty()) {
      return null;
    }
    String first = values.get(0);
    int comma = first.indexOf(',');
    String v = (comma < 0 ? first : first.substring(0, comma)).trim();
    return v.isEmpty() ? null : v;
  }

  @Override
  public String toString() {
    return "RequestUrl[" + (publicUrl != null ? "public-url" : "from request") + "]";
  }
}

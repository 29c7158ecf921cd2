package io.webhookkit.core;

import io.webhookkit.core.adapter.BoundedBody;
import io.webhookkit.core.internal.FormBody;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map.Entry;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/**
 * A framework-neutral view of one HTTP request: method, path, query, headers, the peer's address,
 * whether the connection is TLS, and the raw body bytes exactly as received.
 *
 * <p>Immutable and thread-safe, with one deliberate exception: {@link #body()} shares its array
 * instead of copying it (a copy per request would cost as much as verifying it), so callers must
 * treat it as read-only.
 */
public final class WebhookRequest {
  private final String method;
  private final String path;
  private final @Nullable String query;
  private final Headers headers;
  private final @Nullable String remoteAddress;
  private final boolean secure;
  private final byte[] body;
  private final boolean bodyExceeded;
  private static final byte[] NO_BODY = new byte[0];

  private WebhookRequest(Builder b) {
    this.method = b.method;
    this.path = b.path;
    this.query = b.query;
    this.headers = b.headers.build();
    this.remoteAddress = b.remoteAddress;
    this.secure = b.secure;
    this.body = b.body;
    this.bodyExceeded = b.bodyExceeded;
  }

  /** A builder; method defaults to POST, path to {@code /}, body to empty. */
  public static Builder builder() {
    return new Builder();
  }

  /** The HTTP method, upper case as sent. */
  public String method() {
    return method;
  }

  /** The path, without the query. */
  public String path() {
    return path;
  }

  /** The raw query string without {@code ?}, if any. */
  public Optional<String> query() {
    return Optional.ofNullable(query);
  }

  /**
   * The first value of a query parameter, percent-decoded as UTF-8; empty when it is absent or the
   * query is not well-formed.
   */
  public Optional<String> queryParameter(String name) {
    if (query == null || query.isEmpty()) {
      return Optional.empty();
    }
    List<Entry<String, String>> pairs =
        FormBody.parse(query.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    if (pairs != null) {
      for (Entry<String, String> pair : pairs) {
        if (pair.getKey().equals(name)) {
          return Optional.of(pair.getValue());
        }
      }
    }
    return Optional.empty();
  }

  /** The headers. */
  public Headers headers() {
    return headers;
  }

  /** The first value of a header. */
  public Optional<String> header(String name) {
    return headers.first(name);
  }

  /** The first value of a header, or {@code null}: {@link #header} without the {@code Optional}. */
  public @Nullable String headerValue(String name) {
    return headers.firstValue(name);
  }

  /** The peer's address as the server reports it (before any proxy headers are believed). */
  public Optional<String> remoteAddress() {
    return Optional.ofNullable(remoteAddress);
  }

  /** {@link #remoteAddress} without the {@code Optional}, for the guard. */
  @Nullable String remoteAddressValue() {
    return remoteAddress;
  }

  /** True when the connection to this server is TLS. */
  public boolean isSecure() {
    return secure;
  }

  /** The body bytes exactly as received. Shared, not copied: do not modify. */
  public byte[] body() {
    return body;
  }

  /** The body decoded as UTF-8 (a new string each call; signatures never use it). */
  public String bodyAsString() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** True when the body was over the limit and was not kept. */
  public boolean isBodyExceeded() {
    return bodyExceeded;
  }

  /** The declared {@code Content-Length}, when present and a valid number. */
  public OptionalLong contentLength() {
    long n = contentLengthValue();
    return n < 0 ? OptionalLong.empty() : OptionalLong.of(n);
  }

  /** {@link #contentLength} without the {@code OptionalLong}: -1 when absent or not a number. */
  long contentLengthValue() {
    String value = headers.firstValue("content-length");
    if (value == null) {
      return -1;
    }
    String s = value.trim();
    if (s.isEmpty() || s.length() > 18) {
      return -1;
    }
    long n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      n = n * 10 + (c - '0');
    }
    return n;
  }

  /** The media type of {@code Content-Type} in lower case, without parameters; empty if none. */
  public String mediaType() {
    String ct = headers.firstValue("content-type");
    if (ct == null) {
      return "";
    }
    int semi = ct.indexOf(';');
    return (semi < 0 ? ct : ct.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return "WebhookRequest[" + method + " " + path + ", " + body.length + " bytes]";
  }

  /** Collects a request; not thread-safe. */
  public static final class Builder {
    private String method = "POST";
    private String path = "/";
    private @Nullable String query;
    private final Headers.Builder headers = Headers.builder();
    private @Nullable String remoteAddress;
    private boolean secure;
    private byte[] body = NO_BODY;
    private boolean bodyExceeded;

    private Builder() {}

    /** The HTTP method. */
    public Builder method(String method) {
      this.method = Objects.requireNonNull(method, "method");
      return this;
    }

    /** The path without the query. */
    public Builder path(String path) {
      this.path = Objects.requireNonNull(path, "path");
      return this;
    }

    /** The raw query string without {@code ?}, or {@code null}. */
    public Builder query(@Nullable String query) {
      this.query = query;
      return this;
    }

    /** Appends one header value. */
    public Builder header(String name, String value) {
      headers.add(name, value);
      return this;
    }

    /** Appends all values of these headers. */
    public Builder headers(Headers all) {
      for (int i = 0; i < all.size(); i++) {
        headers.add(all.name(i), all.value(i));
      }
      return this;
    }

    /** The peer address as the server reports it (an IP literal), or {@code null}. */
    public Builder remoteAddress(@Nullable String remoteAddress) {
      this.remoteAddress = remoteAddress;
      return this;
    }

    /** Whether the connection to this server is TLS. */
    public Builder secure(boolean secure) {
      this.secure = secure;
      return this;
    }

    /** The body bytes, used as is (not copied). */
    public Builder body(byte[] body) {
      this.body = Objects.requireNonNull(body, "body");
      this.bodyExceeded = false;
      return this;
    }

    /** A body read with {@link BoundedBody#read}. */
    public Builder body(BoundedBody body) {
      this.body = Objects.requireNonNull(body, "body").bytes();
      this.bodyExceeded = body.isExceeded();
      return this;
    }

    /** The immutable request. */
    public WebhookRequest build() {
      return new WebhookRequest(this);
    }
  }
}

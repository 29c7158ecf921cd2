package io.webhookkit.core.provider;

import io.webhookkit.core.WebhookRequest;
import io.webhookkit.core.internal.Fingerprints;
import io.webhookkit.core.internal.FormBody;
import io.webhookkit.core.internal.JsonScan;
import io.webhookkit.core.internal.Macs;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The body, checked and parsed just enough: whether it is well-formed for the provider's format,
 * the JSON values the provider's rules asked for, and the form pairs. Built once per request by the
 * guard; handshake responders and locators read it. Not thread-safe (one per request).
 */
public final class Payload {
  private static final String[] NO_VALUES = new String[0];
  // not well-formed: told by this array's identity, so that a payload is one field smaller
  private static final String[] MALFORMED = new String[0];

  /** What the body turned out to be. */
  public enum Kind {
    /** A JSON document. */
    JSON,
    /** A form. */
    FORM,
    /** Not checked ({@link PayloadFormat#ANY}). */
    OTHER
  }

  private final Kind kind;
  private final @Nullable String[] json; // by the scan's index
  private final @Nullable JsonScan jsonScan;
  private final List<Map.Entry<String, String>> form;
  private final byte[] body;
  private @Nullable String sha256Hex;
  private @Nullable String fingerprint;

  private Payload(
      byte[] body,
      Kind kind,
      @Nullable String[] json,
      @Nullable JsonScan jsonScan,
      List<Map.Entry<String, String>> form) {
    this.body = body;
    this.kind = kind;
    this.json = json;
    this.jsonScan = jsonScan;
    this.form = form;
  }

  /**
   * The body's idempotency fingerprint, computed once per request: {@code x3:} and the body's
   * XXH3-128 (hash4j), its two 64-bit halves as signed decimals joined by a dot (at most 44
   * characters). Non-cryptographic on purpose: it only ever tells apart bodies that already passed
   * the signature check under one delivery id, so it needs to be fast and well distributed, not
   * collision-resistant against an attacker (who would need the endpoint's secret to get a body
   * that far). Stores written by 0.1 hold {@link #sha256Hex} instead; the guard compares with that
   * when the fingerprint does not match.
   */
  public String fingerprint() {
    String f = fingerprint;
    if (f == null) {
      f = Fingerprints.xxh3(body);
      fingerprint = f;
    }
    return f;
  }

  /**
   * The body's SHA-256 as lower-case hex, computed once per request: the delivery id of providers
   * that send none, and the idempotency fingerprint of 0.1.
   */
  public String sha256Hex() {
    String h = sha256Hex;
    if (h == null) {
      h = Macs.sha256Hex(body);
      sha256Hex = h;
    }
    return h;
  }

  /**
   * Parses a request's body. Never throws: a body that does not parse is simply not well-formed.
   *
   * @param request the request
   * @param format the provider's format
   * @param jsonScan the JSON paths to capture
   */
  static Payload parse(WebhookRequest request, PayloadFormat format, JsonScan jsonScan) {
    Kind kind;
    switch (format) {
      case ANY -> {
        return new Payload(request.body(), Kind.OTHER, NO_VALUES, null, List.of());
      }
      case FORM -> kind = Kind.FORM;
      case JSON -> kind = Kind.JSON;
      case BY_CONTENT_TYPE -> {
        String type = request.mediaType();
        if (type.equals("application/x-www-form-urlencoded")) {
          kind = Kind.FORM;
        } else if (type.equals("application/json") || type.endsWith("+json")) {
          kind = Kind.JSON;
        } else {
          return new Payload(request.body(), Kind.OTHER, NO_VALUES, null, List.of());
        }
      }
      default ->
          kind =
              request.mediaType().equals("application/x-www-form-urlencoded")
                  ? Kind.FORM
                  : Kind.JSON;
    }
    if (kind == Kind.FORM) {
      List<Map.Entry<String, String>> pairs =
          FormBody.parse(request.body(), StandardCharsets.UTF_8);
      return pairs == null
          ? new Payload(request.body(), Kind.FORM, MALFORMED, null, List.of())
          : new Payload(request.body(), Kind.FORM, NO_VALUES, null, List.copyOf(pairs));
    }
    @Nullable String[] values = jsonScan.values(request.body());
    return values == null
        ? new Payload(request.body(), Kind.JSON, MALFORMED, null, List.of())
        : new Payload(request.body(), Kind.JSON, values, jsonScan, List.of());
  }

  /** What the body is. */
  public Kind kind() {
    return kind;
  }

  /** True when the body is well-formed for its kind. */
  public boolean isWellFormed() {
    return json != MALFORMED;
  }

  /** A captured JSON value by dotted path (only paths the provider's rules declared). */
  public Optional<String> json(String path) {
    return Optional.ofNullable(jsonValue(path));
  }

  /** {@link #json} without the {@code Optional}: the value, or {@code null}. */
  @Nullable String jsonValue(String path) {
    JsonScan scan = jsonScan;
    int k = scan == null ? -1 : scan.index(path);
    return k < 0 ? null : json[k];
  }

  /** All values of a form field, in order. */
  public List<String> form(String name) {
    List<String> out = new ArrayList<>(1);
    for (Map.Entry<String, String> pair : form) {
      if (pair.getKey().equals(name)) {
        out.add(pair.getValue());
      }
    }
    return out;
  }

  /**
   * A scalar by dotted path inside a JSON document held in a form field (Slack's {@code payload}).
   */
  public Optional<String> formJson(String field, String path) {
    List<String> values = form(field);
    if (values.isEmpty()) {
      return Optional.empty();
    }
    Map<String, String> found =
        new JsonScan(Set.of(path)).scan(values.get(0).getBytes(StandardCharsets.UTF_8));
    return found == null ? Optional.empty() : Optional.ofNullable(found.get(path));
  }
}

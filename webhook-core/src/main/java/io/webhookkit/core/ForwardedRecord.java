package io.webhookkit.core;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The record format of {@code processing=forward}, independent of the broker: a key, the raw body
 * as the value, and named headers. A forwarder writes {@link #of(WebhookEvent, List)}; the consumer
 * side turns what it read back into the same {@link WebhookEvent} with {@link #event}.
 *
 * <ul>
 *   <li>key: {@code <endpoint>:<delivery id>} in UTF-8, the idempotency key, so that a compacted
 *       topic or a consumer can deduplicate; {@code null} when the provider gives no delivery id;
 *   <li>value: the body bytes exactly as received;
 *   <li>headers (UTF-8 values): {@value #FORMAT} ({@code 1}), {@value #ENDPOINT}, {@value
 *       #PROVIDER}, {@value #DELIVERY_ID}, {@value #EVENT_TYPE}, {@value #TIMESTAMP} (the signed
 *       timestamp, ISO-8601), {@value #SECRET_LABEL}, {@value #CONTENT_TYPE}, one {@value
 *       #ATTRIBUTE_PREFIX}{@code <name>} per provider attribute, and one {@value
 *       #HTTP_PREFIX}{@code <name>} per request header (names lower-case), except headers that
 *       carry credentials ({@code Authorization}, {@code Cookie}) or a value containing one of the
 *       endpoint's secrets: a topic never holds a secret.
 * </ul>
 *
 * <p>Absent values have no header. Immutable.
 */
public final class ForwardedRecord {
  /** The format version header; {@code 1}. */
  public static final String FORMAT = "webhook.format";

  /** The endpoint name. */
  public static final String ENDPOINT = "webhook.endpoint";

  /** The provider preset name. */
  public static final String PROVIDER = "webhook.provider";

  /** The delivery id. */
  public static final String DELIVERY_ID = "webhook.delivery-id";

  /** The event type. */
  public static final String EVENT_TYPE = "webhook.event-type";

  /** The signed timestamp, ISO-8601. */
  public static final String TIMESTAMP = "webhook.timestamp";

  /** The label of the secret that verified the signature. */
  public static final String SECRET_LABEL = "webhook.secret-label";

  /** The request's {@code Content-Type}. */
  public static final String CONTENT_TYPE = "content-type";

  /** Prefix of provider attributes. */
  public static final String ATTRIBUTE_PREFIX = "webhook.attribute.";

  /** Prefix of request headers. */
  public static final String HTTP_PREFIX = "http.";

  private final byte @Nullable [] key;
  private final byte[] value;
  private final List<Map.Entry<String, byte[]>> headers;

  private ForwardedRecord(
      byte @Nullable [] key, byte[] value, List<Map.Entry<String, byte[]>> headers) {
    this.key = key;
    this.value = value;
    this.headers = headers;
  }

  /**
   * The record of a verified event.
   *
   * @param event the event
   * @param secrets the endpoint's secrets: a request header containing one is not forwarded
   */
  public static ForwardedRecord of(WebhookEvent event, List<Secret> secrets) {
    List<Map.Entry<String, byte[]>> h = new ArrayList<>(16 + event.headers().size());
    add(h, FORMAT, "1");
    add(h, ENDPOINT, event.endpoint());
    add(h, PROVIDER, event.provider());
    String id = event.deliveryId().orElse(null);
    if (id != null) {
      add(h, DELIVERY_ID, id);
    }
    event.eventType().ifPresent(t -> add(h, EVENT_TYPE, t));
    event.timestamp().ifPresent(t -> add(h, TIMESTAMP, t.toString()));
    add(h, SECRET_LABEL, event.secretLabel());
    String contentType = event.headers().firstValue("Content-Type");
    if (contentType != null) {
      add(h, CONTENT_TYPE, contentType);
    }
    event.attributes().forEach((n, v) -> add(h, ATTRIBUTE_PREFIX + n, v));
    Headers request = event.headers();
    for (int i = 0; i < request.size(); i++) {
      String value = request.value(i);
      if (DeliveryCodec.kept(request.name(i), List.of(value), secrets)) {
        add(h, HTTP_PREFIX + request.name(i).toLowerCase(Locale.ROOT), value);
      }
    }
    byte[] key = id == null ? null : (event.endpoint() + ":" + id).getBytes(StandardCharsets.UTF_8);
    return new ForwardedRecord(key, event.body(), List.copyOf(h));
  }

  private static void add(List<Map.Entry<String, byte[]>> h, String name, String value) {
    h.add(Map.entry(name, value.getBytes(StandardCharsets.UTF_8)));
  }

  /** The record key, {@code <endpoint>:<delivery id>}; {@code null} without a delivery id. */
  public byte @Nullable [] key() {
    return key;
  }

  /** The body bytes exactly as received (shared, not copied). */
  public byte[] value() {
    return value;
  }

  /** The headers in order; a name may repeat (a repeated request header). */
  public List<Map.Entry<String, byte[]>> headers() {
    return headers;
  }

  /**
   * Rebuilds the event a forwarder wrote, for handlers on the consuming side. It verifies nothing:
   * the record is trusted because only the receiving service writes to the topic.
   *
   * @param headers the record's headers in order
   * @param value the record's value
   * @throws IllegalArgumentException when the record was not written by a forwarder of this format
   */
  public static WebhookEvent event(List<Map.Entry<String, byte[]>> headers, byte[] value) {
    Objects.requireNonNull(value, "value");
    Map<String, String> fixed = new LinkedHashMap<>();
    Map<String, String> attributes = new LinkedHashMap<>();
    Headers.Builder request = Headers.builder();
    for (Map.Entry<String, byte[]> e : headers) {
      String name = e.getKey();
      byte[] raw = e.getValue();
      String v = raw == null ? "" : new String(raw, StandardCharsets.UTF_8);
      if (name.startsWith(HTTP_PREFIX)) {
        request.add(name.substring(HTTP_PREFIX.length()), v);
      } else if (name.startsWith(ATTRIBUTE_PREFIX)) {
        attributes.put(name.substring(ATTRIBUTE_PREFIX.length()), v);
      } else {
        fixed.putIfAbsent(name, v);
      }
    }
    if (!"1".equals(fixed.get(FORMAT))) {
      throw new IllegalArgumentException(
          "not a forwarded webhook record (header " + FORMAT + " is not 1)");
    }
    String endpoint = required(fixed, ENDPOINT);
    String provider = required(fixed, PROVIDER);
    String secretLabel = required(fixed, SECRET_LABEL);
    Instant timestamp = null;
    String ts = fixed.get(TIMESTAMP);
    if (ts != null) {
      try {
        timestamp = Instant.parse(ts);
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("header " + TIMESTAMP + " is not an ISO-8601 instant");
      }
    }
    return new WebhookEvent(
        endpoint,
        provider,
        fixed.get(DELIVERY_ID),
        fixed.get(EVENT_TYPE),
        timestamp,
        secretLabel,
        request.build(),
        value,
        attributes);
  }

  private static String required(Map<String, String> fixed, String name) {
    String v = fixed.get(name);
    if (v == null) {
      throw new IllegalArgumentException("not a forwarded webhook record (no header " + name + ")");
    }
    return v;
  }
}

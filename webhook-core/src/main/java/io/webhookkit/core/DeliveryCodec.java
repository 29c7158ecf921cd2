package io.webhookkit.core;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.webhookkit.core.inbox.InboxEntry;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Writes a verified event into an {@link InboxEntry} and rebuilds it for a worker: the metadata is
 * one small JSON object (provider, delivery id, type, signed timestamp, secret label, headers,
 * attributes), the body stays the bytes as received. Headers that carry credentials ({@code
 * Authorization}, {@code Cookie}, …) or any value containing one of the endpoint's secrets (a token
 * scheme's header) are not kept: the inbox never holds a secret. Stateless.
 */
final class DeliveryCodec {
  private static final JsonFactory JSON = JsonFactory.builder().build();
  private static final Set<String> CREDENTIAL_HEADERS =
      Set.of("authorization", "proxy-authorization", "cookie");

  private DeliveryCodec() {}

  static InboxEntry entry(String key, WebhookEvent event, List<Secret> secrets) {
    StringWriter out = new StringWriter(512);
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartObject();
      g.writeNumberField("v", 1);
      g.writeStringField("provider", event.provider());
      writeOptional(g, "id", event.deliveryId().orElse(null));
      writeOptional(g, "type", event.eventType().orElse(null));
      Instant ts = event.timestamp().orElse(null);
      if (ts != null) {
        g.writeNumberField("ts", ts.toEpochMilli());
      }
      g.writeStringField("secret", event.secretLabel());
      g.writeObjectFieldStart("headers");
      for (Map.Entry<String, List<String>> h : event.headers().asMap().entrySet()) {
        if (kept(h.getKey(), h.getValue(), secrets)) {
          g.writeArrayFieldStart(h.getKey());
          for (String v : h.getValue()) {
            g.writeString(v);
          }
          g.writeEndArray();
        }
      }
      g.writeEndObject();
      g.writeObjectFieldStart("attributes");
      for (Map.Entry<String, String> a : event.attributes().entrySet()) {
        g.writeStringField(a.getKey(), a.getValue());
      }
      g.writeEndObject();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // cannot happen on a StringWriter
    }
    return new InboxEntry(
        key, event.endpoint(), event.eventType().orElse(null), out.toString(), event.body());
  }

  static boolean kept(String name, List<String> values, List<Secret> secrets) {
    if (CREDENTIAL_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
      return false;
    }
    for (String v : values) {
      for (Secret s : secrets) {
        if (v.contains(s.reveal())) {
          return false;
        }
      }
    }
    return true;
  }

  private static void writeOptional(JsonGenerator g, String name, @Nullable String value)
      throws IOException {
    if (value != null) {
      g.writeStringField(name, value);
    }
  }

  /**
   * The event a worker hands its handler.
   *
   * @throws IllegalArgumentException when the metadata is not the core's
   */
  static WebhookEvent event(InboxEntry entry) {
    String provider = null;
    String id = null;
    String type = null;
    Instant ts = null;
    String secret = null;
    Headers.Builder headers = Headers.builder();
    Map<String, String> attributes = new LinkedHashMap<>();
    try (JsonParser p = JSON.createParser(entry.metadata())) {
      expect(p.nextToken(), JsonToken.START_OBJECT);
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken value = p.nextToken();
        switch (field) {
          case "provider" -> provider = p.getText();
          case "id" -> id = p.getText();
          case "type" -> type = p.getText();
          case "ts" -> ts = Instant.ofEpochMilli(p.getLongValue());
          case "secret" -> secret = p.getText();
          case "headers" -> readHeaders(p, value, headers);
          case "attributes" -> {
            expect(value, JsonToken.START_OBJECT);
            while (p.nextToken() == JsonToken.FIELD_NAME) {
              String name = p.currentName();
              p.nextToken();
              attributes.put(name, p.getText());
            }
          }
          default -> p.skipChildren();
        }
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("the stored metadata is not valid JSON", e);
    }
    if (provider == null || secret == null) {
      throw new IllegalArgumentException("the stored metadata lacks provider or secret");
    }
    return new WebhookEvent(
        entry.endpoint(),
        provider,
        id,
        type,
        ts,
        secret,
        headers.build(),
        entry.body(),
        attributes);
  }

  private static void readHeaders(JsonParser p, JsonToken value, Headers.Builder headers)
      throws IOException {
    expect(value, JsonToken.START_OBJECT);
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      expect(p.nextToken(), JsonToken.START_ARRAY);
      List<String> values = new ArrayList<>();
      while (p.nextToken() != JsonToken.END_ARRAY) {
        values.add(p.getText());
      }
      values.forEach(v -> headers.add(name, v));
    }
  }

  private static void expect(@Nullable JsonToken actual, JsonToken wanted) throws IOException {
    if (actual != wanted) {
      throw new IOException("expected " + wanted + ", found " + actual);
    }
  }
}

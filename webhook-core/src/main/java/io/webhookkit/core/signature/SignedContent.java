package io.webhookkit.core.signature;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.crypto.Mac;

/**
 * The bytes a scheme signs, as a template over {@code {id}}, {@code {timestamp}}, {@code {body}},
 * {@code {method}} and {@code {url}} (the public URL the provider called) with literal text between
 * them: {@code {body}} (GitHub), {@code v0:{timestamp}:{body}} (Slack), {@code
 * {id}.{timestamp}.{body}} (Standard Webhooks). Parsed once; feeding a MAC allocates nothing for
 * literals and the body. Immutable.
 */
public final class SignedContent {
  private enum Kind {
    LITERAL,
    ID,
    TIMESTAMP,
    BODY,
    METHOD,
    URL
  }

  private record Part(Kind kind, byte[] literal) {}

  private final List<Part> parts;
  private final String template;
  private final boolean signsId;
  private final boolean signsTimestamp;
  private final boolean signsUrl;

  private SignedContent(String template, List<Part> parts) {
    this.template = template;
    this.parts = List.copyOf(parts);
    this.signsId = parts.stream().anyMatch(p -> p.kind == Kind.ID);
    this.signsTimestamp = parts.stream().anyMatch(p -> p.kind == Kind.TIMESTAMP);
    this.signsUrl = parts.stream().anyMatch(p -> p.kind == Kind.URL || p.kind == Kind.METHOD);
  }

  /**
   * Parses a template.
   *
   * @throws IllegalArgumentException for an unknown placeholder or a template without exactly one
   *     {@code {body}}
   */
  public static SignedContent parse(String template) {
    List<Part> parts = new ArrayList<>();
    int bodies = 0;
    int i = 0;
    StringBuilder literal = new StringBuilder();
    while (i < template.length()) {
      char c = template.charAt(i);
      if (c == '{') {
        int close = template.indexOf('}', i);
        if (close < 0) {
          throw new IllegalArgumentException("'" + template + "' has an unclosed '{'");
        }
        String name = template.substring(i + 1, close);
        Kind kind;
        switch (name) {
          case "id" -> kind = Kind.ID;
          case "timestamp" -> kind = Kind.TIMESTAMP;
          case "body" -> {
            kind = Kind.BODY;
            bodies++;
          }
          case "method" -> kind = Kind.METHOD;
          case "url" -> kind = Kind.URL;
          default ->
              throw new IllegalArgumentException(
                  "'"
                      + template
                      + "' has an unknown placeholder {"
                      + name
                      + "} (use {id}, {timestamp}, {body}, {method}, {url})");
        }
        if (literal.length() > 0) {
          parts.add(new Part(Kind.LITERAL, literal.toString().getBytes(StandardCharsets.UTF_8)));
          literal.setLength(0);
        }
        parts.add(new Part(kind, new byte[0]));
        i = close + 1;
      } else {
        literal.append(c);
        i++;
      }
    }
    if (literal.length() > 0) {
      parts.add(new Part(Kind.LITERAL, literal.toString().getBytes(StandardCharsets.UTF_8)));
    }
    if (bodies != 1) {
      throw new IllegalArgumentException(
          "'" + template + "' must contain {body} exactly once: a signature must cover the body");
    }
    return new SignedContent(template, parts);
  }

  /** True when the template signs the delivery id. */
  public boolean signsId() {
    return signsId;
  }

  /** True when the template signs the timestamp. */
  public boolean signsTimestamp() {
    return signsTimestamp;
  }

  /** True when the template signs the request method or the public URL. */
  public boolean signsUrl() {
    return signsUrl;
  }

  /** Feeds the content to a MAC; id and timestamp are the header values as received. */
  void update(Mac mac, String id, String timestamp, byte[] body) {
    update(mac, id, timestamp, body, "", "");
  }

  /** Feeds the content, with the request method and the public URL the provider called. */
  void update(Mac mac, String id, String timestamp, byte[] body, String method, String url) {
    for (int i = 0; i < parts.size(); i++) {
      Part part = parts.get(i);
      switch (part.kind) {
        case LITERAL -> mac.update(part.literal);
        case ID -> updateUtf8(mac, id);
        case TIMESTAMP -> updateUtf8(mac, timestamp);
        case BODY -> mac.update(body);
        case METHOD -> updateUtf8(mac, method);
        case URL -> updateUtf8(mac, url);
      }
    }
  }

  private static final ThreadLocal<byte[]> ASCII = ThreadLocal.withInitial(() -> new byte[128]);

  /**
   * Feeds the UTF-8 bytes of a header value; a short ASCII value (ids and timestamps as sent)
   * through a per-thread buffer instead of a new array.
   */
  private static void updateUtf8(Mac mac, String value) {
    int n = value.length();
    byte[] buffer = ASCII.get();
    if (n <= buffer.length) {
      for (int i = 0; i < n; i++) {
        char c = value.charAt(i);
        if (c >= 0x80) {
          mac.update(value.getBytes(StandardCharsets.UTF_8));
          return;
        }
        buffer[i] = (byte) c;
      }
      mac.update(buffer, 0, n);
      return;
    }
    mac.update(value.getBytes(StandardCharsets.UTF_8));
  }

  /** The content as one array (for asymmetric signatures, which need it whole). */
  byte[] bytes(String id, String timestamp, byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + 64);
    for (Part part : parts) {
      switch (part.kind) {
        case LITERAL -> out.writeBytes(part.literal);
        case ID -> out.writeBytes(id.getBytes(StandardCharsets.UTF_8));
        case TIMESTAMP -> out.writeBytes(timestamp.getBytes(StandardCharsets.UTF_8));
        case BODY -> out.writeBytes(body);
        default -> {
          // asymmetric schemes sign no URL
        }
      }
    }
    return out.toByteArray();
  }

  @Override
  public String toString() {
    return template;
  }
}

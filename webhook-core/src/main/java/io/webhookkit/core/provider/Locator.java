package io.webhookkit.core.provider;

import io.webhookkit.core.WebhookRequest;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a provider puts a value such as the delivery id or the event type: a header, a JSON path, a
 * form field, or a JSON path inside a form field.
 */
public sealed interface Locator {

  /** A header's first value. */
  static Locator header(String name) {
    // Header names are case-insensitive; lower case makes each lookup allocation-free.
    return new Header(name.toLowerCase(Locale.ROOT));
  }

  /** A scalar at a dotted JSON object path, e.g. {@code event.type}. */
  static Locator json(String path) {
    return new Json(path);
  }

  /** A form field's first value. */
  static Locator form(String name) {
    return new Form(name);
  }

  /** A scalar at a JSON path inside a form field that holds JSON. */
  static Locator formJson(String field, String path) {
    return new FormJson(field, path);
  }

  /**
   * The hex SHA-256 of the body, prefixed {@code sha256:}: the delivery id of providers that send
   * none, so that a retry of the same bytes is recognised as the same delivery.
   */
  static Locator bodySha256() {
    return new BodySha256();
  }

  /** Finds the value in a request and its parsed payload. */
  Optional<String> find(WebhookRequest request, Payload payload);

  /**
   * A header's first value.
   *
   * @param name the header name
   */
  record Header(String name) implements Locator {
    @Override
    public Optional<String> find(WebhookRequest request, Payload payload) {
      return request.header(name);
    }
  }

  /**
   * A JSON value.
   *
   * @param path a dotted object path
   */
  record Json(String path) implements Locator {
    @Override
    public Optional<String> find(WebhookRequest request, Payload payload) {
      return payload.json(path);
    }
  }

  /**
   * A form field.
   *
   * @param name the field name
   */
  record Form(String name) implements Locator {
    @Override
    public Optional<String> find(WebhookRequest request, Payload payload) {
      List<String> values = payload.form(name);
      return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }
  }

  /**
   * A JSON value inside a form field.
   *
   * @param field the form field holding JSON
   * @param path a dotted object path inside it
   */
  record FormJson(String field, String path) implements Locator {
    @Override
    public Optional<String> find(WebhookRequest request, Payload payload) {
      return payload.formJson(field, path);
    }
  }

  /** The body's SHA-256, as {@code sha256:<hex>}. */
  record BodySha256() implements Locator {
    @Override
    public Optional<String> find(WebhookRequest request, Payload payload) {
      return Optional.of("sha256:" + payload.sha256Hex());
    }
  }
}

package io.webhookkit.core.provider;

/** The body format a provider sends, checked for well-formedness before the handler runs. */
public enum PayloadFormat {
  /** One JSON document. */
  JSON,
  /** {@code application/x-www-form-urlencoded}. */
  FORM,
  /** A form when {@code Content-Type} says so, JSON otherwise (GitHub, Slack). */
  JSON_OR_FORM,
  /**
   * By {@code Content-Type}: JSON for {@code application/json} and {@code +json} types, a form for
   * {@code application/x-www-form-urlencoded}, anything else unchecked (the generic {@code hmac}).
   */
  BY_CONTENT_TYPE,
  /** Any bytes; nothing is checked. */
  ANY
}

package io.webhookkit.core.provider;

import java.util.Map;
import java.util.Objects;

/**
 * The answer to an endpoint-verification handshake, exactly as the provider requires it.
 *
 * @param status the HTTP status
 * @param contentType the {@code Content-Type} of the body
 * @param body the body bytes
 * @param headers further headers
 */
public record HandshakeAnswer(
    int status, String contentType, byte[] body, Map<String, String> headers) {
  /** Copies the headers. */
  public HandshakeAnswer {
    Objects.requireNonNull(contentType, "contentType");
    Objects.requireNonNull(body, "body");
    headers = Map.copyOf(headers);
  }
}

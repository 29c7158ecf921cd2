package io.webhookkit.core.adapter;

import io.webhookkit.core.internal.FormBody;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Parses {@code application/x-www-form-urlencoded} bytes (a form body or a query string) the way
 * the guard does, so that adapters expose exactly the fields that were verified: order and repeated
 * names are kept; a bad percent escape or invalid bytes for the charset make the whole input
 * malformed. Never throws on untrusted input.
 */
public final class FormData {
  private FormData() {}

  /** The name/value pairs in order, or empty when the bytes are not a well-formed form. */
  public static Optional<List<Map.Entry<String, String>>> parse(byte[] bytes, Charset charset) {
    return Optional.ofNullable(FormBody.parse(bytes, charset));
  }
}

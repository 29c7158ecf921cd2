package io.webhookkit.core.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** Writes small JSON objects (problem details, handshake answers) with Jackson's escaping. */
public final class Json {
  private static final JsonFactory FACTORY = JsonFactory.builder().build();

  private Json() {}

  /** Writes a flat object; values may be {@code String}, {@code Number} or {@code Boolean}. */
  public static byte[] object(Map<String, ?> fields) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(128);
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      g.writeStartObject();
      for (Map.Entry<String, ?> field : fields.entrySet()) {
        Object v = field.getValue();
        if (v instanceof Number) {
          g.writeFieldName(field.getKey());
          g.writeNumber(v.toString());
        } else if (v instanceof Boolean b) {
          g.writeBooleanField(field.getKey(), b);
        } else {
          g.writeStringField(field.getKey(), String.valueOf(v));
        }
      }
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // cannot happen on a byte array
    }
    return out.toByteArray();
  }
}

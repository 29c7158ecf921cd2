package io.webhookkit.core.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Checks that a body is one well-formed JSON document and picks a few scalar values out of it by
 * dotted object path ({@code id}, {@code event.type}) in the same pass, without binding the
 * document. Jackson's stream limits (nesting depth, string and number lengths) apply.
 */
public final class JsonScan {
  private static final JsonFactory FACTORY = JsonFactory.builder().build();

  private final Set<String> paths;
  private final Set<String> lastSegments;
  private final int maxDepth;

  /** A scan for these dotted paths (may be empty: then it only checks well-formedness). */
  public JsonScan(Set<String> paths) {
    this.paths = Set.copyOf(paths);
    Set<String> last = new HashSet<>();
    int depth = 0;
    for (String path : paths) {
      String[] segments = path.split("\\.", -1);
      last.add(segments[segments.length - 1]);
      depth = Math.max(depth, segments.length);
    }
    this.lastSegments = Set.copyOf(last);
    this.maxDepth = depth;
  }

  /**
   * Scans a document.
   *
   * @return the values found (scalars as their text; the first occurrence wins), or {@code null}
   *     when the bytes are not exactly one well-formed JSON document
   */
  public @Nullable Map<String, String> scan(byte[] body) {
    return scan(body, 0, body.length);
  }

  /** Scans {@code body[offset, offset + length)}; see {@link #scan(byte[])}. */
  public @Nullable Map<String, String> scan(byte[] body, int offset, int length) {
    Map<String, String> found = paths.isEmpty() ? Map.of() : new HashMap<>(4);
    String[] names = new String[Math.max(1, maxDepth)];
    try (JsonParser parser = FACTORY.createParser(body, offset, length)) {
      JsonToken token = parser.nextToken();
      if (token == null) {
        return null;
      }
      int objectDepth = 0; // depth counting only consecutive objects from the root
      int depth = 0;
      boolean[] isObject = new boolean[16];
      while (token != null) {
        switch (token) {
          case START_OBJECT, START_ARRAY -> {
            if (depth == isObject.length) {
              isObject = Arrays.copyOf(isObject, depth * 2);
            }
            isObject[depth] = token == JsonToken.START_OBJECT;
            depth++;
            if (objectDepth == depth - 1 && token == JsonToken.START_OBJECT) {
              objectDepth = depth;
            }
          }
          case END_OBJECT, END_ARRAY -> {
            depth--;
            if (objectDepth > depth) {
              objectDepth = depth;
            }
          }
          case FIELD_NAME -> {
            if (depth <= names.length && objectDepth == depth) {
              names[depth - 1] = parser.currentName();
            }
          }
          default -> {
            if (!paths.isEmpty()
                && depth > 0
                && depth <= maxDepth
                && objectDepth == depth
                && lastSegments.contains(names[depth - 1])) {
              String path = join(names, depth);
              if (paths.contains(path) && !found.containsKey(path)) {
                found.put(path, parser.getText());
              }
            }
          }
        }
        if (depth == 0) {
          break;
        }
        token = parser.nextToken();
      }
      if (parser.nextToken() != null) {
        return null; // trailing content after the root value
      }
      return found;
    } catch (IOException | RuntimeException malformed) {
      return null;
    }
  }

  private static String join(String[] names, int depth) {
    if (depth == 1) {
      return names[0];
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < depth; i++) {
      if (i > 0) {
        sb.append('.');
      }
      sb.append(names[i]);
    }
    return sb.toString();
  }
}

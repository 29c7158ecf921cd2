package io.webhookkit.core.internal;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Parses {@code application/x-www-form-urlencoded} bytes, keeping order and repeated names. Strict:
 * a bad percent escape or bytes that are not valid in the charset make the whole body malformed.
 */
public final class FormBody {
  private FormBody() {}

  /**
   * Parses a form body.
   *
   * @return the pairs in order, or {@code null} when the body is not a well-formed form
   */
  public static @Nullable List<Map.Entry<String, String>> parse(byte[] body, Charset charset) {
    return parse(body, 0, body.length, charset);
  }

  /** Parses {@code body[offset, offset + length)}; see {@link #parse(byte[], Charset)}. */
  public static @Nullable List<Map.Entry<String, String>> parse(
      byte[] body, int offset, int length, Charset charset) {
    List<Map.Entry<String, String>> pairs = new ArrayList<>();
    int end = offset + length;
    int start = offset;
    for (int i = offset; i <= end; i++) {
      if (i == end || body[i] == '&') {
        if (i > start) {
          int eq = -1;
          for (int j = start; j < i; j++) {
            if (body[j] == '=') {
              eq = j;
              break;
            }
          }
          String name = decode(body, start, eq < 0 ? i : eq, charset);
          String value = eq < 0 ? "" : decode(body, eq + 1, i, charset);
          if (name == null || value == null) {
            return null;
          }
          pairs.add(new AbstractMap.SimpleImmutableEntry<>(name, value));
        }
        start = i + 1;
      }
    }
    return pairs;
  }

  private static @Nullable String decode(byte[] body, int from, int to, Charset charset) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(to - from);
    for (int i = from; i < to; i++) {
      byte b = body[i];
      if (b == '+') {
        out.write(' ');
      } else if (b == '%') {
        if (i + 2 >= to) {
          return null;
        }
        int hi = Character.digit(body[i + 1], 16);
        int lo = Character.digit(body[i + 2], 16);
        if (hi < 0 || lo < 0) {
          return null;
        }
        out.write((hi << 4) | lo);
        i += 2;
      } else {
        out.write(b);
      }
    }
    try {
      return charset
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(out.toByteArray()))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }
}

package io.webhookkit.core.internal;

import org.jspecify.annotations.Nullable;

/** Makes values safe for one log line: no control characters, bounded length. */
public final class LogValues {
  private static final int MAX = 128;

  private LogValues() {}

  /** The value with control characters replaced by {@code ?}, cut at 128 characters. */
  public static @Nullable String clean(@Nullable String value) {
    if (value == null) {
      return null;
    }
    int n = Math.min(value.length(), MAX);
    StringBuilder sb = null;
    for (int i = 0; i < n; i++) {
      char c = value.charAt(i);
      if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
        if (sb == null) {
          sb = new StringBuilder(value.substring(0, i));
        }
        sb.append('?');
      } else if (sb != null) {
        sb.append(c);
      }
    }
    String out = sb != null ? sb.toString() : value.substring(0, n);
    return value.length() > MAX ? out + "…" : out;
  }

  /** True when the value is usable as a delivery id: 1 to 256 characters, none a control. */
  public static boolean isValidId(String value) {
    if (value.isEmpty() || value.length() > 256) {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      if (Character.isISOControl(value.charAt(i))) {
        return false;
      }
    }
    return true;
  }
}

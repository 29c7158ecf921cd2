package io.webhookkit.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Immutable HTTP headers: names compare case-insensitively, each name keeps all its values in the
 * order received. Kept flat, as received — one array of name and value pairs, nothing lower-cased
 * or copied per header — because a webhook carries 10–20 headers and the guard asks for a handful:
 * a lookup compares lengths first, then the name ignoring case. Thread-safe.
 */
public final class Headers {
  private static final String[] NONE = new String[0];
  private static final Headers EMPTY = new Headers(NONE, 0);

  private final String[] lines; // line i: its name at 2i, its value at 2i + 1
  private final int size;

  private Headers(String[] lines, int size) {
    this.lines = lines;
    this.size = size;
  }

  /** No headers. */
  public static Headers empty() {
    return EMPTY;
  }

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Headers from a map of name to values (names case-insensitive; values appended in order). */
  public static Headers of(Map<String, ? extends List<String>> map) {
    Builder b = builder();
    map.forEach((name, list) -> list.forEach(v -> b.add(name, v)));
    return b.build();
  }

  private static boolean same(String a, String b) {
    return a.length() == b.length() && a.equalsIgnoreCase(b);
  }

  /** The first value of a header, or {@code null}: {@link #first} without the {@code Optional}. */
  public @Nullable String firstValue(String name) {
    for (int i = 0, n = 2 * size; i < n; i += 2) {
      if (same(lines[i], name)) {
        return lines[i + 1];
      }
    }
    return null;
  }

  /** The first value of a header. */
  public Optional<String> first(String name) {
    return Optional.ofNullable(firstValue(name));
  }

  /** All values of a header, in order; empty when absent. */
  public List<String> all(String name) {
    String one = null;
    List<String> many = null;
    for (int i = 0, n = 2 * size; i < n; i += 2) {
      if (same(lines[i], name)) {
        if (one == null) {
          one = lines[i + 1];
        } else {
          if (many == null) {
            many = new ArrayList<>(4);
            many.add(one);
          }
          many.add(lines[i + 1]);
        }
      }
    }
    if (many != null) {
      return Collections.unmodifiableList(many);
    }
    return one == null ? List.of() : List.of(one);
  }

  /** True when the header is present. */
  public boolean contains(String name) {
    return firstValue(name) != null;
  }

  /** How many header lines there are (a name given twice counts twice). */
  public int size() {
    return size;
  }

  /** The name of the {@code i}-th header line, as received. */
  public String name(int i) {
    return lines[2 * checked(i)];
  }

  /** The value of the {@code i}-th header line. */
  public String value(int i) {
    return lines[2 * checked(i) + 1];
  }

  private int checked(int i) {
    if (i < 0 || i >= size) {
      throw new IndexOutOfBoundsException(i);
    }
    return i;
  }

  /** The header names, as first received. */
  public Set<String> names() {
    Set<String> out = new LinkedHashSet<>();
    for (int i = 0; i < size; i++) {
      if (firstIndex(lines[2 * i]) == i) {
        out.add(lines[2 * i]);
      }
    }
    return Collections.unmodifiableSet(out);
  }

  private int firstIndex(String name) {
    for (int i = 0; i < size; i++) {
      if (same(lines[2 * i], name)) {
        return i;
      }
    }
    return -1;
  }

  /** All headers as an unmodifiable map with case-insensitive keys (names as first received). */
  public Map<String, List<String>> asMap() {
    TreeMap<String, List<String>> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (int i = 0; i < size; i++) {
      map.computeIfAbsent(lines[2 * i], n -> new ArrayList<>(1)).add(lines[2 * i + 1]);
    }
    map.replaceAll((name, list) -> Collections.unmodifiableList(list));
    return Collections.unmodifiableMap(map);
  }

  @Override
  public String toString() {
    return "Headers" + names();
  }

  /**
   * Collects headers; not thread-safe. {@link #build} hands its arrays over without copying them; a
   * later change to the builder copies them first, so headers already built never change.
   */
  public static final class Builder {
    private String[] lines = new String[32]; // as in Headers: 16 lines before the first copy
    private int size;
    private boolean shared; // the array belongs to headers already built

    private Builder() {}

    private void own(int capacity) {
      if (shared || 2 * capacity > lines.length) {
        lines = Arrays.copyOf(lines, Math.max(2 * capacity, lines.length));
        shared = false;
      }
    }

    /** Appends one value. */
    public Builder add(String name, String value) {
      own(2 * size == lines.length ? size * 2 : size + 1);
      lines[2 * size] = name;
      lines[2 * size + 1] = value;
      size++;
      return this;
    }

    /** Replaces all values of a header with one. */
    public Builder set(String name, String value) {
      own(size);
      int kept = 0;
      for (int i = 0; i < size; i++) {
        if (!same(lines[2 * i], name)) {
          lines[2 * kept] = lines[2 * i];
          lines[2 * kept + 1] = lines[2 * i + 1];
          kept++;
        }
      }
      Arrays.fill(lines, 2 * kept, 2 * size, null);
      size = kept;
      return add(name, value);
    }

    /** Immutable headers. */
    public Headers build() {
      if (size == 0) {
        return EMPTY;
      }
      shared = true;
      return new Headers(lines, size);
    }
  }
}

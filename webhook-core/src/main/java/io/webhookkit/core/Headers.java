package io.webhookkit.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Immutable HTTP headers: names compare case-insensitively, each name keeps all its values in the
 * order received. Lookups are hash lookups on the lower-cased name (no allocation when the name
 * asked for is already lower case). Thread-safe.
 */
public final class Headers {
  private static final Headers EMPTY = new Headers(new LinkedHashMap<>());

  /** One header: the name as first received, and its values. */
  private record Field(String name, List<String> values) {}

  private final Map<String, Field> fields;

  private Headers(Map<String, Field> fields) {
    this.fields = fields;
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

  private static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }

  /** The first value of a header. */
  public Optional<String> first(String name) {
    Field f = fields.get(key(name));
    return f == null ? Optional.empty() : Optional.of(f.values.get(0));
  }

  /** All values of a header, in order; empty when absent. */
  public List<String> all(String name) {
    Field f = fields.get(key(name));
    return f == null ? List.of() : f.values;
  }

  /** True when the header is present. */
  public boolean contains(String name) {
    return fields.containsKey(key(name));
  }

  /** The header names, as first received. */
  public Set<String> names() {
    Set<String> names = new LinkedHashSet<>();
    fields.values().forEach(f -> names.add(f.name));
    return Collections.unmodifiableSet(names);
  }

  /** All headers as an unmodifiable map with case-insensitive keys. */
  public Map<String, List<String>> asMap() {
    TreeMap<String, List<String>> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    fields.values().forEach(f -> map.put(f.name, f.values));
    return Collections.unmodifiableMap(map);
  }

  @Override
  public String toString() {
    return "Headers" + names();
  }

  /** Collects headers; not thread-safe. */
  public static final class Builder {
    private final Map<String, Field> fields = new LinkedHashMap<>();

    private Builder() {}

    /** Appends one value. */
    public Builder add(String name, String value) {
      String key = key(name);
      Field f = fields.get(key);
      if (f == null) {
        f = new Field(name, new ArrayList<>(1));
        fields.put(key, f);
      }
      f.values.add(value);
      return this;
    }

    /** Replaces all values of a header with one. */
    public Builder set(String name, String value) {
      fields.remove(key(name));
      return add(name, value);
    }

    /** Immutable headers. */
    public Headers build() {
      Map<String, Field> copy = new LinkedHashMap<>(Math.max(4, fields.size() * 2));
      fields.forEach(
          (key, f) ->
              copy.put(
                  key, new Field(f.name, Collections.unmodifiableList(new ArrayList<>(f.values)))));
      return new Headers(copy);
    }
  }
}

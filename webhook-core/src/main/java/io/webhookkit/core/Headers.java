package io.webhookkit.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Immutable HTTP headers: names compare case-insensitively, each name keeps all its values in the
 * order received. Thread-safe.
 */
public final class Headers {
  private static final Headers EMPTY = new Headers(new TreeMap<>(String.CASE_INSENSITIVE_ORDER));

  private final TreeMap<String, List<String>> values;

  private Headers(TreeMap<String, List<String>> values) {
    this.values = values;
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

  /** The first value of a header. */
  public Optional<String> first(String name) {
    List<String> list = values.get(name);
    return list == null ? Optional.empty() : Optional.of(list.get(0));
  }

  /** All values of a header, in order; empty when absent. */
  public List<String> all(String name) {
    List<String> list = values.get(name);
    return list == null ? List.of() : list;
  }

  /** True when the header is present. */
  public boolean contains(String name) {
    return values.containsKey(name);
  }

  /** The header names, as first received. */
  public Set<String> names() {
    return Collections.unmodifiableSet(values.keySet());
  }

  /** All headers as an unmodifiable map (case-insensitive keys). */
  public Map<String, List<String>> asMap() {
    return Collections.unmodifiableMap(values);
  }

  @Override
  public String toString() {
    return "Headers" + values.keySet();
  }

  /** Collects headers; not thread-safe. */
  public static final class Builder {
    private final TreeMap<String, List<String>> values =
        new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    private Builder() {}

    /** Appends one value. */
    public Builder add(String name, String value) {
      values.computeIfAbsent(name, k -> new ArrayList<>(1)).add(value);
      return this;
    }

    /** Replaces all values of a header with one. */
    public Builder set(String name, String value) {
      values.remove(name);
      return add(name, value);
    }

    /** Immutable headers. */
    public Headers build() {
      TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      values.forEach((k, v) -> copy.put(k, List.copyOf(v)));
      return new Headers(copy);
    }
  }
}

package io.webhookkit.core;

import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Where an endpoint's flat configuration keys come from: servlet init-params, Spring or Micronaut
 * binding, a properties file. Keys are those of the design ({@code provider}, {@code secrets},
 * {@code tolerance}, …) without the {@code webhook.endpoints.<name>.} prefix.
 */
@FunctionalInterface
public interface ConfigSource {

  /** The value of a key, or {@code null} when absent. */
  @Nullable String get(String key);

  /**
   * Every key present, when the source can list them, so that a misspelt key fails start-up. An
   * empty set means the source cannot list its keys.
   */
  default Set<String> keys() {
    return Set.of();
  }

  /** A source backed by a map, which lists its keys. */
  static ConfigSource of(Map<String, String> map) {
    Map<String, String> copy = Map.copyOf(map);
    return new ConfigSource() {
      @Override
      public @Nullable String get(String key) {
        return copy.get(key);
      }

      @Override
      public Set<String> keys() {
        return copy.keySet();
      }
    };
  }
}

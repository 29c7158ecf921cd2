package io.webhookkit.micronaut;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.core.naming.Named;
import io.micronaut.core.naming.conventions.StringConvention;
import io.micronaut.core.value.PropertyResolver;
import io.webhookkit.core.ConfigSource;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * One endpoint's keys, bound from {@code webhook.endpoints.<name>.*} (YAML, properties, environment
 * variables — any Micronaut property source) and handed to the core unchanged: the same keys,
 * durations ({@code 300ms}, {@code 5m}, {@code 7d}, ISO-8601) and sizes ({@code 512KB}, {@code
 * 1MB}) as every adapter. Lists may be YAML lists or comma-separated. The core validates them at
 * start-up, naming the endpoint and the key.
 */
@EachProperty("webhook.endpoints")
public final class WebhookEndpointConfiguration implements ConfigSource, Named {
  private final String name;
  private final Map<String, String> keys;

  WebhookEndpointConfiguration(@Parameter String name, PropertyResolver properties) {
    this.name = name;
    Map<String, String> flat = new LinkedHashMap<>();
    properties
        .getProperties("webhook.endpoints." + name, StringConvention.RAW)
        .forEach(
            (key, value) -> {
              if (!key.contains("[") && value != null && !(value instanceof Map)) {
                flat.put(key, text(value));
              }
            });
    this.keys = Map.copyOf(flat);
  }

  private static String text(Object value) {
    if (value instanceof Collection<?> list) {
      return list.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
    return String.valueOf(value);
  }

  /** The endpoint's name. */
  @Override
  public String getName() {
    return name;
  }

  @Override
  public @Nullable String get(String key) {
    return keys.get(key);
  }

  @Override
  public Set<String> keys() {
    return keys.keySet();
  }
}

package io.webhookkit.core;

import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * One of the core's endpoint keys ({@code tolerance}, {@code max-body-size}, …): its name, its
 * default as written in configuration, what it means, how it is read into an {@link
 * EndpointConfig.Builder} and how a built configuration shows it. The whole table is {@link
 * EndpointKeys#all()}; reading, {@link EndpointConfig#summary()}, {@link EndpointConfig#toString()}
 * and the documentation's key table all come from it. Immutable.
 */
public final class EndpointKey {
  /** Reads one key's text into a builder. */
  @FunctionalInterface
  interface Reader {
    void read(
        EndpointConfig.Builder builder,
        String value,
        Function<String, @Nullable String> environment);
  }

  private final String name;
  private final String defaultValue;
  private final String description;
  private final Reader reader;
  private final @Nullable Function<EndpointConfig, @Nullable Object> shown;

  EndpointKey(
      String name,
      String defaultValue,
      String description,
      Reader reader,
      @Nullable Function<EndpointConfig, @Nullable Object> shown) {
    this.name = Objects.requireNonNull(name);
    this.defaultValue = Objects.requireNonNull(defaultValue);
    this.description = Objects.requireNonNull(description);
    this.reader = Objects.requireNonNull(reader);
    this.shown = shown;
  }

  /** The key as written after {@code webhook.endpoints.<name>.}, e.g. {@code idempotency.lease}. */
  public String name() {
    return name;
  }

  /** The default as it would be written, e.g. {@code 5m}; empty when there is none. */
  public String defaultValue() {
    return defaultValue;
  }

  /** What the key means, for the documentation and IDE hints. */
  public String description() {
    return description;
  }

  void read(
      EndpointConfig.Builder builder,
      String value,
      Function<String, @Nullable String> environment) {
    reader.read(builder, value, environment);
  }

  /** The value a built configuration shows for this key, or {@code null} if it shows none. */
  @Nullable Object shown(EndpointConfig config) {
    return shown == null ? null : shown.apply(config);
  }

  @Override
  public String toString() {
    return name;
  }
}

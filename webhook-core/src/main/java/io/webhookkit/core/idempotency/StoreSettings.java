package io.webhookkit.core.idempotency;

import io.webhookkit.core.WebhookConfigurationException;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * What a store provider sees of the configuration: the {@code webhook.idempotency.*} keys, the
 * framework's components (a {@code DataSource}, a Redis connection), and the clock. Immutable.
 */
public final class StoreSettings {
  /** The prefix of every store key. */
  public static final String PREFIX = "webhook.idempotency.";

  /** The key that selects the store: {@code memory} (default), {@code jdbc}, {@code redis}. */
  public static final String STORE = PREFIX + "store";

  private final Function<String, @Nullable String> keys;
  private final Function<Class<?>, @Nullable Object> components;
  private final Clock clock;

  /**
   * Settings.
   *
   * @param keys looks up a full key such as {@code webhook.idempotency.jdbc.table}
   * @param components finds a component of a type the framework manages, or {@code null}
   * @param clock the clock for leases and retention
   */
  public StoreSettings(
      Function<String, @Nullable String> keys,
      Function<Class<?>, @Nullable Object> components,
      Clock clock) {
    this.keys = Objects.requireNonNull(keys);
    this.components = Objects.requireNonNull(components);
    this.clock = Objects.requireNonNull(clock);
  }

  /** A key under {@code webhook.idempotency.}, e.g. {@code jdbc.table}; {@code null} if unset. */
  public @Nullable String get(String key) {
    String v = keys.apply(PREFIX + key);
    return v == null || v.isBlank() ? null : v.trim();
  }

  /** A key's value, or its default. */
  public String get(String key, String defaultValue) {
    String v = get(key);
    return v == null ? defaultValue : v;
  }

  /** A component the framework manages. */
  public <T> Optional<T> component(Class<T> type) {
    Object c = components.apply(type);
    return type.isInstance(c) ? Optional.of(type.cast(c)) : Optional.empty();
  }

  /** The clock. */
  public Clock clock() {
    return clock;
  }

  /** An error naming the full key; the problem must not contain a secret. */
  public WebhookConfigurationException invalid(String key, String problem) {
    return new WebhookConfigurationException(PREFIX + key, problem);
  }
}

package io.webhookkit.jaxrs;

import io.webhookkit.core.ConfigSource;
import io.webhookkit.core.adapter.EndpointGuards;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The flat configuration keys of every endpoint ({@code webhook.endpoints.<name>.<key>}) and of the
 * store ({@code webhook.idempotency.*}) — the same keys as every adapter. Produce one as a CDI bean
 * to configure the kit in code; without one, the kit reads MicroProfile Config when present, else
 * {@code webhook.properties} from the class path. Immutable.
 */
public final class WebhookSettings {
  /** The prefix of endpoint keys. */
  public static final String ENDPOINTS = "webhook.endpoints.";

  /** The class-path resource read when no producer and no MicroProfile Config are there. */
  public static final String RESOURCE = "webhook.properties";

  private final Map<String, String> keys;

  private WebhookSettings(Map<String, String> keys) {
    this.keys = Map.copyOf(keys);
  }

  /** Settings from full keys, e.g. {@code webhook.endpoints.github.provider=github}. */
  public static WebhookSettings of(Map<String, String> keys) {
    return new WebhookSettings(keys);
  }

  /** Settings from properties (full keys). */
  public static WebhookSettings of(Properties properties) {
    Map<String, String> keys = new LinkedHashMap<>();
    properties.stringPropertyNames().forEach(k -> keys.put(k, properties.getProperty(k)));
    return new WebhookSettings(keys);
  }

  /** Settings from {@value #RESOURCE} on this class loader, or none when it is absent. */
  public static WebhookSettings fromResource(ClassLoader loader) {
    Properties properties = new Properties();
    try (InputStream in = loader.getResourceAsStream(RESOURCE)) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
    return of(properties);
  }

  /** A full key's value, or {@code null}. */
  public @Nullable String get(String key) {
    return keys.get(key);
  }

  /** The configured endpoint names, sorted. */
  public Set<String> endpointNames() {
    return endpoints().keySet();
  }

  /** One endpoint's keys, without the {@code webhook.endpoints.<name>.} prefix. */
  public ConfigSource endpoint(String name) {
    ConfigSource keys = endpoints().get(name);
    return keys == null ? ConfigSource.of(Map.of()) : keys;
  }

  /** Every endpoint's keys by name, sorted (the core's {@link EndpointGuards#endpointsOf}). */
  public Map<String, ConfigSource> endpoints() {
    return EndpointGuards.endpointsOf(keys);
  }
}

package io.webhookkit.micronaut;

import io.micronaut.core.naming.conventions.StringConvention;
import io.micronaut.core.value.PropertyResolver;
import io.webhookkit.core.EndpointConfig;
import io.webhookkit.core.forward.WebhookForwarder;
import io.webhookkit.kafka.KafkaForwarder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The forwarders of the {@code processing=forward} endpoints, with webhook-kafka on the class path:
 * each a producer made from the application's micronaut-kafka settings ({@code kafka.*}, then
 * {@code kafka.producers.default.*}) overridden by the endpoint's {@code forward.kafka.*} keys,
 * always idempotent with {@code acks=all}. Closed with the application context.
 */
final class MicronautKafkaForwarders implements AutoCloseable {
  /** The sub-trees of {@code kafka.*} that configure other clients than producers. */
  private static final List<String> OTHER_CLIENTS =
      List.of("consumers.", "producers.", "streams.", "health.", "embedded.");

  private final Map<String, Object> base;
  private final List<KafkaForwarder> made = new CopyOnWriteArrayList<>();

  MicronautKafkaForwarders(PropertyResolver properties) {
    this.base = settings(properties);
  }

  /** The application's producer settings, as micronaut-kafka reads them. */
  static Map<String, Object> settings(PropertyResolver properties) {
    Map<String, Object> settings = new LinkedHashMap<>();
    properties
        .getProperties("kafka", StringConvention.RAW)
        .forEach(
            (key, value) -> {
              if (value != null
                  && !(value instanceof Map)
                  && !key.contains("[")
                  && !key.equals("enabled")
                  && OTHER_CLIENTS.stream().noneMatch(key::startsWith)) {
                settings.put(key, String.valueOf(value));
              }
            });
    properties
        .getProperties("kafka.producers.default", StringConvention.RAW)
        .forEach(
            (key, value) -> {
              if (value != null && !(value instanceof Map) && !key.contains("[")) {
                settings.put(key, String.valueOf(value));
              }
            });
    return settings;
  }

  WebhookForwarder forwarderFor(EndpointConfig endpoint) {
    KafkaForwarder f =
        KafkaForwarder.create(
            endpoint.name(), base, endpoint.forwardSettings(), endpoint.forwardTimeout());
    made.add(f);
    return f;
  }

  @Override
  public void close() {
    made.forEach(KafkaForwarder::close);
  }
}

package io.webhookkit.spring;

import java.util.Map;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;

/**
 * The application's Kafka producer settings, for forwarders: those of its {@link KafkaTemplate}
 * (Spring Boot makes one from {@code spring.kafka.*}), else of its one {@link ProducerFactory};
 * empty when it has neither. Serializers and transactions are the forwarder's own.
 */
final class SpringKafkaSettings implements Supplier<Map<String, Object>> {
  private final ObjectProvider<KafkaTemplate<?, ?>> templates;
  private final ObjectProvider<ProducerFactory<?, ?>> factories;

  SpringKafkaSettings(
      ObjectProvider<KafkaTemplate<?, ?>> templates,
      ObjectProvider<ProducerFactory<?, ?>> factories) {
    this.templates = templates;
    this.factories = factories;
  }

  @Override
  public Map<String, Object> get() {
    KafkaTemplate<?, ?> template = templates.getIfUnique();
    ProducerFactory<?, ?> factory =
        template != null ? template.getProducerFactory() : factories.getIfUnique();
    return factory == null ? Map.of() : Map.copyOf(factory.getConfigurationProperties());
  }
}

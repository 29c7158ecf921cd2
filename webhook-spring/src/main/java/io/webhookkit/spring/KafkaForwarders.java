package io.webhookkit.spring;

import io.webhookkit.core.EndpointConfig;
import io.webhookkit.core.forward.WebhookForwarder;
import io.webhookkit.kafka.KafkaForwarder;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.springframework.beans.factory.DisposableBean;

/**
 * The forwarders of the {@code processing=forward} endpoints: each a producer made from the
 * application's Kafka producer settings (its {@code KafkaTemplate}'s, i.e. {@code spring.kafka.*},
 * when spring-kafka is present) overridden by the endpoint's {@code forward.kafka.*} keys, always
 * idempotent with {@code acks=all}. Closed with the application context.
 */
final class KafkaForwarders implements ForwarderFactory, DisposableBean {
  private final Supplier<Map<String, Object>> base;
  private final List<KafkaForwarder> made = new CopyOnWriteArrayList<>();

  KafkaForwarders(Supplier<Map<String, Object>> base) {
    this.base = base;
  }

  @Override
  public WebhookForwarder forwarderFor(EndpointConfig endpoint) {
    KafkaForwarder f =
        KafkaForwarder.create(
            endpoint.name(), base.get(), endpoint.forwardSettings(), endpoint.forwardTimeout());
    made.add(f);
    return f;
  }

  @Override
  public void destroy() {
    made.forEach(KafkaForwarder::close);
  }
}

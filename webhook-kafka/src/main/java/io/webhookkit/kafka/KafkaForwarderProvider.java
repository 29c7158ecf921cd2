package io.webhookkit.kafka;

import io.webhookkit.core.EndpointConfig;
import io.webhookkit.core.forward.WebhookForwarder;
import io.webhookkit.core.forward.WebhookForwarderProvider;

/**
 * Registered with {@link java.util.ServiceLoader}: the forwarder of an endpoint whose application
 * gives none in code (the servlet filter, JAX-RS) is made from its {@code forward.kafka.*} keys.
 * Each endpoint gets its own producer; it is closed when the JVM stops or when the adapter closes
 * the guard's forwarder.
 */
public final class KafkaForwarderProvider implements WebhookForwarderProvider {
  /** For the service loader. */
  public KafkaForwarderProvider() {}

  @Override
  public WebhookForwarder create(EndpointConfig endpoint) {
    KafkaForwarder forwarder = KafkaForwarder.create(endpoint);
    Runtime.getRuntime()
        .addShutdownHook(new Thread(forwarder::close, "webhook-kafka-close-" + endpoint.name()));
    return forwarder;
  }
}

package io.webhookkit.spring;

import io.webhookkit.core.EndpointConfig;
import io.webhookkit.core.forward.WebhookForwarder;
import org.jspecify.annotations.Nullable;

/**
 * Makes the forwarder of each {@code processing=forward} endpoint with the application's own Kafka
 * settings ({@link KafkaForwarders}, present with webhook-kafka); {@code null} leaves it to the
 * service loader and the endpoint's {@code forward.kafka.*} keys.
 */
interface ForwarderFactory {
  @Nullable WebhookForwarder forwarderFor(EndpointConfig endpoint);
}

/**
 * webhook-kafka: {@code processing=forward} publishes verified deliveries to Kafka ({@link
 * io.webhookkit.kafka.KafkaForwarder}), and consumers rebuild the {@link
 * io.webhookkit.core.WebhookEvent} ({@link io.webhookkit.kafka.KafkaWebhookEvents}).
 */
@NullMarked
package io.webhookkit.kafka;

import org.jspecify.annotations.NullMarked;

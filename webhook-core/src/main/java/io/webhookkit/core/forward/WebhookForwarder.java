package io.webhookkit.core.forward;

import io.webhookkit.core.ForwardedRecord;
import java.util.concurrent.CompletionStage;

/**
 * Hands verified deliveries of a {@code processing=forward} endpoint to a broker (webhook-kafka's
 * {@code KafkaForwarder}). The guard answers the provider 2xx only after the stage completed
 * normally, within the endpoint's {@code forward.timeout}; otherwise it answers 503 {@code
 * forward_unavailable} and releases the delivery, so that the provider's retry is forwarded.
 *
 * <p>Implementations are thread-safe and never block the caller for long: {@link #forward} hands
 * the record to the client's buffer and returns.
 */
public interface WebhookForwarder extends AutoCloseable {
  /**
   * Publishes one record.
   *
   * @param topic the endpoint's {@code forward.topic}
   * @param record the record
   * @return completes normally once the broker acknowledged the record durably (Kafka: {@code
   *     acks=all}), exceptionally when it refused or could not be reached
   */
  CompletionStage<?> forward(String topic, ForwardedRecord record);

  /** Releases the client; records handed over before are flushed first. Default: nothing. */
  @Override
  default void close() {}
}

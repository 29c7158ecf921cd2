package io.webhookkit.kafka;

import io.webhookkit.core.EndpointConfig;
import io.webhookkit.core.ForwardedRecord;
import io.webhookkit.core.WebhookConfigurationException;
import io.webhookkit.core.forward.WebhookForwarder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Publishes forwarded deliveries with a Kafka {@link Producer}: the record key is {@code
 * <endpoint>:<delivery id>}, the value the raw body, the headers those of {@link ForwardedRecord};
 * the stage completes when the broker acknowledged (the producer is made with {@code acks=all} and
 * {@code enable.idempotence=true}, so its own retries never duplicate a record). Thread-safe.
 *
 * <p>Made from an endpoint's keys by {@link #create(EndpointConfig)} (the servlet filter and
 * JAX-RS, through {@link KafkaForwarderProvider}), or around an application's producer by {@link
 * #of(Producer)} (Spring's and Micronaut's wiring).
 */
public final class KafkaForwarder implements WebhookForwarder {
  private final Producer<byte[], byte[]> producer;
  private final boolean owned;

  private KafkaForwarder(Producer<byte[], byte[]> producer, boolean owned) {
    this.producer = producer;
    this.owned = owned;
  }

  /**
   * A forwarder around a producer the application owns and closes (it should be idempotent with
   * {@code acks=all}; see {@link #producerSettings}).
   */
  public static KafkaForwarder of(Producer<byte[], byte[]> producer) {
    return new KafkaForwarder(Objects.requireNonNull(producer, "producer"), false);
  }

  /**
   * A forwarder with its own producer, made from the endpoint's {@code forward.kafka.*} keys; it
   * closes the producer on {@link #close()}.
   *
   * @throws WebhookConfigurationException naming the endpoint and the key when {@code
   *     forward.kafka.bootstrap.servers} is missing or Kafka refuses the settings
   */
  public static KafkaForwarder create(EndpointConfig endpoint) {
    return create(endpoint.name(), Map.of(), endpoint.forwardSettings(), endpoint.forwardTimeout());
  }

  /**
   * A forwarder with its own producer.
   *
   * @param endpoint the endpoint name, for messages
   * @param base settings from the framework ({@code spring.kafka.*}, {@code kafka.*}), overridden
   *     by {@code settings}
   * @param settings the endpoint's {@code forward.kafka.*} keys without the prefix
   * @param timeout the endpoint's {@code forward.timeout}
   */
  public static KafkaForwarder create(
      String endpoint, Map<String, ?> base, Map<String, String> settings, Duration timeout) {
    Map<String, Object> config = producerSettings(base, settings, timeout);
    if (config.get(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG) == null) {
      throw new WebhookConfigurationException(
          endpoint,
          EndpointConfig.FORWARD_KAFKA_PREFIX + ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
          "is required for processing=forward (the Kafka brokers, e.g. kafka-1:9092,kafka-2:9092)");
    }
    try {
      return new KafkaForwarder(
          new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer()), true);
    } catch (KafkaException refused) {
      // Kafka's messages name the setting; password-typed values are printed as [hidden]
      Throwable cause = refused.getCause() != null ? refused.getCause() : refused;
      throw new WebhookConfigurationException(
          endpoint,
          EndpointConfig.FORWARD_KAFKA_PREFIX + "*",
          "the Kafka producer refused these settings: " + cause.getMessage());
    }
  }

  /**
   * The producer settings the kit uses: {@code base}, then the endpoint's {@code settings}, with
   * {@code acks=all} and {@code enable.idempotence=true} (a setting that weakens either is
   * replaced), {@code linger.ms} 0 unless set (a provider waits for each answer), and timeouts that
   * fit the endpoint's {@code forward.timeout} unless set: {@code max.block.ms} (how long {@code
   * send} may wait for metadata) and {@code request.timeout.ms} at the timeout, {@code
   * delivery.timeout.ms} at the timeout plus {@code linger.ms}, so that a record the request gave
   * up on is not written much later.
   */
  public static Map<String, Object> producerSettings(
      Map<String, ?> base, Map<String, String> settings, Duration timeout) {
    Map<String, Object> config = new HashMap<>(base);
    config.putAll(settings);
    config.remove(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG);
    config.remove(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG);
    config.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    long ms = Math.max(1, timeout.toMillis());
    // a provider waits for each answer: send at once rather than wait to fill a batch
    config.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, "0");
    long linger =
        Long.parseLong(String.valueOf(config.getOrDefault(ProducerConfig.LINGER_MS_CONFIG, "5")));
    config.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, Long.toString(ms));
    if (!config.containsKey(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG)) {
      config.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Long.toString(ms));
      long request =
          Long.parseLong(String.valueOf(config.get(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG)));
      config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Long.toString(request + linger));
    }
    config.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "webhook-kit");
    return config;
  }

  @Override
  public CompletionStage<?> forward(String topic, ForwardedRecord record) {
    List<Header> headers = new ArrayList<>(record.headers().size());
    for (Map.Entry<String, byte[]> h : record.headers()) {
      headers.add(new RecordHeader(h.getKey(), h.getValue()));
    }
    CompletableFuture<Void> acknowledged = new CompletableFuture<>();
    try {
      Future<RecordMetadata> unused =
          producer.send(
              new ProducerRecord<>(topic, null, record.key(), record.value(), headers),
              (metadata, error) -> {
                if (error != null) {
                  acknowledged.completeExceptionally(error);
                } else {
                  acknowledged.complete(null);
                }
              });
    } catch (RuntimeException refused) {
      acknowledged.completeExceptionally(refused);
    }
    return acknowledged;
  }

  /** Closes the producer if this forwarder made it, after sending what it holds. */
  @Override
  public void close() {
    if (owned) {
      producer.close(Duration.ofSeconds(5));
    }
  }
}

package io.webhookkit.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;

/**
 * The Kafka broker of the conformance run's {@link ConformanceEndpoints#FORWARD} endpoint: one real
 * broker per JVM ({@link KafkaBroker}), started the first time its address is asked for, and the
 * records of its topic. Its address is also put in the system property {@value #PROPERTY}, so that
 * an application deployed in the same JVM under another class loader (GlassFish) uses the same
 * broker; start it from the test first.
 */
public final class ConformanceKafka {
  /** The forwarding endpoint's topic. */
  public static final String TOPIC = "conformance.forward";

  /** The system property holding the broker's {@code bootstrap.servers}. */
  public static final String PROPERTY = "webhook.conformance.kafka";

  private static @Nullable KafkaBroker broker;

  private ConformanceKafka() {}

  /**
   * The broker's {@code bootstrap.servers}, starting it (and creating {@link #TOPIC}) when this JVM
   * has none yet.
   *
   * @throws UncheckedIOException when the broker does not start
   */
  public static synchronized String bootstrapServers() {
    String running = System.getProperty(PROPERTY);
    if (running != null) {
      return running;
    }
    try {
      KafkaBroker b = KafkaBroker.start();
      Runtime.getRuntime().addShutdownHook(new Thread(b::close, "conformance-kafka-stop"));
      b.createTopic(TOPIC);
      broker = b;
      System.setProperty(PROPERTY, b.bootstrapServers());
      return b.bootstrapServers();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The broker, when this class (this class loader) started it: to stop and restart it. */
  public static synchronized Optional<KafkaBroker> broker() {
    return Optional.ofNullable(broker);
  }

  /** Every record of {@link #TOPIC} with this key, read from the beginning. */
  public static List<ConsumerRecord<byte[], byte[]>> records(String key) {
    return records(TOPIC, key);
  }

  /** Every record of partition 0 of a topic with this key, read from the beginning. */
  public static List<ConsumerRecord<byte[], byte[]>> records(String topic, String key) {
    return KafkaBroker.records(bootstrapServers(), topic, key);
  }
}

package io.webhookkit.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.webhookkit.core.ConfigSource;
import io.webhookkit.core.Decision;
import io.webhookkit.core.EndpointConfig;
import io.webhookkit.core.ForwardedRecord;
import io.webhookkit.core.WebhookConfigurationException;
import io.webhookkit.core.WebhookEvent;
import io.webhookkit.core.WebhookGuard;
import io.webhookkit.core.WebhookRequest;
import io.webhookkit.test.KafkaBroker;
import io.webhookkit.test.TestDelivery;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The forwarder against a real one-node Kafka broker (KRaft, its own JVM): a guard made from keys
 * only (the forwarder from the service loader) publishes the record with the exact bytes and
 * headers, and the consumer side rebuilds the event; the producer's settings keep {@code acks=all}
 * and idempotence whatever is configured; a killed broker fails the acknowledgement within {@code
 * forward.timeout}, a restarted one takes records again. Every adapter's run of the conformance kit
 * covers the same over HTTP.
 */
class KafkaForwarderTest {
  private static final String SECRET = "forward-secret";
  private static final String TOPIC = "forwarder-test";
  private static KafkaBroker broker;

  @BeforeAll
  static void start() throws Exception {
    broker = KafkaBroker.start();
    broker.createTopic(TOPIC);
  }

  @AfterAll
  static void stop() {
    if (broker != null) {
      broker.close();
    }
  }

  private static EndpointConfig config(Map<String, String> extra) {
    Map<String, String> keys =
        new HashMap<>(
            Map.of(
                "provider",
                "github",
                "secrets",
                SECRET,
                "processing",
                "forward",
                "forward.topic",
                TOPIC,
                "forward.timeout",
                "3s",
                "forward.kafka.bootstrap.servers",
                broker.bootstrapServers()));
    keys.putAll(extra);
    return EndpointConfig.from("gh", ConfigSource.of(keys), name -> null);
  }

  private static WebhookRequest request(TestDelivery d) {
    WebhookRequest.Builder b =
        WebhookRequest.builder().method("POST").remoteAddress("127.0.0.1").body(d.body());
    d.headers().forEach(b::header);
    b.header("Authorization", "Bearer must-not-travel");
    return b.build();
  }

  @Test
  void aGuardMadeFromKeysPublishesTheExactBytesAndTheConsumerRebuildsTheEvent() {
    WebhookGuard guard = WebhookGuard.of(config(Map.of()));
    String body = "{\"zen\":\"Caf\u00e9 \u2615\",\r\n \"n\" : 1.50}";
    TestDelivery d =
        TestDelivery.github(SECRET).withId(UUID.randomUUID().toString()).withBody(body);

    Decision decision = guard.inspect(request(d));
    assertThat(decision).isInstanceOf(Decision.Respond.class);
    assertThat(((Decision.Respond) decision).status()).isEqualTo(202);

    List<ConsumerRecord<byte[], byte[]>> records = recordsOf("gh:" + d.id());
    assertThat(records).hasSize(1);
    ConsumerRecord<byte[], byte[]> r = records.get(0);
    assertThat(r.value()).isEqualTo(body.getBytes(StandardCharsets.UTF_8));
    assertThat(r.headers().lastHeader("http.authorization")).isNull();
    assertThat(KafkaWebhookEvents.isWebhookRecord(r)).isTrue();

    WebhookEvent event = KafkaWebhookEvents.event(r);
    assertThat(event.endpoint()).isEqualTo("gh");
    assertThat(event.provider()).isEqualTo("github");
    assertThat(event.deliveryId()).contains(d.id());
    assertThat(event.eventType()).contains(Objects.requireNonNull(d.eventType()));
    assertThat(event.secretLabel()).isEqualTo("secrets[0]");
    assertThat(event.body()).isEqualTo(body.getBytes(StandardCharsets.UTF_8));
    assertThat(event.headers().first("X-GitHub-Delivery")).contains(d.id());
  }

  @Test
  void theProducerIsIdempotentWithAcksAllWhateverIsConfigured() {
    Map<String, Object> settings =
        KafkaForwarder.producerSettings(
            Map.of("bootstrap.servers", "from-framework:9092", "acks", "1"),
            Map.of(
                "enable.idempotence", "false",
                "acks", "0",
                "transactional.id", "x",
                "compression.type", "zstd"),
            Duration.ofSeconds(2));
    assertThat(settings)
        .containsEntry(ProducerConfig.ACKS_CONFIG, "all")
        .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true")
        .containsEntry(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "from-framework:9092")
        .containsEntry(ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd")
        .containsEntry(ProducerConfig.LINGER_MS_CONFIG, "0")
        .containsEntry(ProducerConfig.MAX_BLOCK_MS_CONFIG, "2000")
        .containsEntry(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "2000")
        .containsEntry(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "2000")
        .doesNotContainKey(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
  }

  @Test
  void missingOrRefusedSettingsFailStartUpNamingTheEndpointAndKey() {
    EndpointConfig noServers =
        EndpointConfig.from(
            "gh",
            ConfigSource.of(
                Map.of("provider", "github", "secrets", SECRET, "processing", "forward")),
            name -> null);
    assertThatThrownBy(() -> WebhookGuard.of(noServers))
        .isInstanceOf(WebhookConfigurationException.class)
        .hasMessageContaining("'gh'")
        .hasMessageContaining("forward.kafka.bootstrap.servers");
    assertThatThrownBy(
            () -> WebhookGuard.of(config(Map.of("forward.kafka.compression.type", "lzma"))))
        .isInstanceOf(WebhookConfigurationException.class)
        .hasMessageContaining("'gh'")
        .hasMessageContaining("forward.kafka.")
        .hasMessageContaining("compression.type");
  }

  @Test
  void aKilledBrokerFailsTheAcknowledgementWithinTheTimeoutAndARestartedOneTakesRecordsAgain()
      throws Exception {
    try (KafkaForwarder forwarder =
        KafkaForwarder.create(
            "gh",
            Map.of(),
            Map.of("bootstrap.servers", broker.bootstrapServers()),
            Duration.ofSeconds(2))) {
      ForwardedRecord record = record();
      forwarder.forward(TOPIC, record).toCompletableFuture().get(10, TimeUnit.SECONDS);

      broker.kill();
      long start = System.nanoTime();
      assertThatThrownBy(
              () ->
                  forwarder.forward(TOPIC, record).toCompletableFuture().get(10, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));

      broker.restart(); // same port, same data: the other tests go on with it
      Exception last = null;
      for (int i = 0; i < 20; i++) {
        try {
          forwarder.forward(TOPIC, record).toCompletableFuture().get(10, TimeUnit.SECONDS);
          last = null;
          break;
        } catch (ExecutionException notYet) {
          last = notYet; // the broker is electing itself leader again
        }
      }
      assertThat(last).isNull();
    }
  }

  /** The record a forwarding guard makes of one delivery. */
  private static ForwardedRecord record() {
    List<ForwardedRecord> made = new ArrayList<>();
    WebhookGuard capture =
        WebhookGuard.builder(config(Map.of()))
            .forwarder(
                (topic, r) -> {
                  made.add(r);
                  return CompletableFuture.completedFuture(null);
                })
            .build();
    capture.inspect(request(TestDelivery.github(SECRET)));
    return made.get(0);
  }

  private static List<ConsumerRecord<byte[], byte[]>> recordsOf(String key) {
    return KafkaBroker.records(broker.bootstrapServers(), TOPIC, key);
  }
}

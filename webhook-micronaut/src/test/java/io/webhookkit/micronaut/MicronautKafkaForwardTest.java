package io.webhookkit.micronaut;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.webhookkit.test.ConformanceKafka;
import io.webhookkit.test.TestDelivery;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * {@code processing=forward} in Micronaut with the application's micronaut-kafka settings, on a
 * real broker: {@code kafka.bootstrap.servers} is used when the endpoint names no brokers, and
 * {@code kafka.producers.default.*} is applied; the kit serves the endpoint's {@code path} itself.
 */
class MicronautKafkaForwardTest {
  private static final String SECRET = "micronaut-forward-secret";
  private static final String TOPIC = "micronaut-forward";

  @Test
  void theApplicationsKafkaSettingsAreUsedWhenTheEndpointNamesNoBrokers() throws Exception {
    Map<String, Object> p =
        Map.of(
            "micronaut.server.host", "127.0.0.1",
            "micronaut.server.port", "-1",
            "kafka.bootstrap.servers", ConformanceKafka.bootstrapServers(),
            "kafka.producers.default.compression.type", "gzip",
            "webhook.endpoints.mfwd.provider", "github",
            "webhook.endpoints.mfwd.secrets", SECRET,
            "webhook.endpoints.mfwd.processing", "forward",
            "webhook.endpoints.mfwd.path", "/hooks/mfwd",
            "webhook.endpoints.mfwd.forward.topic", TOPIC);
    try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, p)) {
      TestDelivery d = TestDelivery.github(SECRET).withId(UUID.randomUUID().toString());
      HttpResponse<String> answer =
          HttpClient.newHttpClient()
              .send(
                  d.toHttpRequest(server.getURI().resolve("/hooks/mfwd")),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
      assertThat(answer.headers().firstValue("Webhook-Delivery-State")).contains("forwarded");
      List<ConsumerRecord<byte[], byte[]>> records =
          ConformanceKafka.records(TOPIC, "mfwd:" + d.id());
      assertThat(records).hasSize(1);
      assertThat(records.get(0).value()).isEqualTo(d.body());

      assertThat(MicronautKafkaForwarders.settings(server.getApplicationContext()))
          .containsEntry("bootstrap.servers", ConformanceKafka.bootstrapServers())
          .containsEntry("compression.type", "gzip")
          .doesNotContainKey("producers.default.compression.type");
    }
  }
}

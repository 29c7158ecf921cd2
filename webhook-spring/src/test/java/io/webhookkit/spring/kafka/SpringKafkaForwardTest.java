package io.webhookkit.spring.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.webhookkit.core.WebhookEvent;
import io.webhookkit.spring.WebhookEndpoint;
import io.webhookkit.test.ConformanceKafka;
import io.webhookkit.test.TestDelivery;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code processing=forward} in Spring Boot with the application's own Kafka settings, on a real
 * broker: {@code spring.kafka.bootstrap-servers} is used when the endpoint names no brokers, and an
 * application's own {@code KafkaTemplate} is honoured over {@code spring.kafka.*}. The controller
 * is never called: a forwarding endpoint is answered once the broker acknowledged.
 */
class SpringKafkaForwardTest {
  private static final String SECRET = "spring-forward-secret";
  private static final String TOPIC = "spring-forward";
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @SpringBootApplication
  static class App {
    @RestController
    static class Hooks {
      @WebhookEndpoint("fwd")
      @PostMapping("/hooks/fwd")
      String fwd(WebhookEvent event) {
        throw new IllegalStateException("a forwarding endpoint's controller is never called");
      }
    }

    /** The application's own template, on the broker, when the test asks for it. */
    @Bean
    @ConditionalOnProperty("test.own-template")
    KafkaTemplate<byte[], byte[]> ownTemplate(@Value("${test.own-template}") String servers) {
      return new KafkaTemplate<>(
          new DefaultKafkaProducerFactory<>(
              Map.of(
                  ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
                  ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                  ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class)));
    }
  }

  private static ConfigurableApplicationContext start(String... extra) {
    String[] base = {
      "server.port=0",
      "server.address=127.0.0.1",
      "spring.main.banner-mode=off",
      "webhook.endpoints.fwd.provider=github",
      "webhook.endpoints.fwd.secrets=" + SECRET,
      "webhook.endpoints.fwd.processing=forward",
      "webhook.endpoints.fwd.forward.topic=" + TOPIC,
      "webhook.endpoints.fwd.forward.timeout=3s"
    };
    String[] all = new String[base.length + extra.length];
    System.arraycopy(base, 0, all, 0, base.length);
    System.arraycopy(extra, 0, all, base.length, extra.length);
    return new SpringApplicationBuilder(App.class).properties(all).run();
  }

  private static void assertForwarded(ConfigurableApplicationContext app) throws Exception {
    String port = app.getEnvironment().getProperty("local.server.port");
    TestDelivery d = TestDelivery.github(SECRET).withId(UUID.randomUUID().toString());
    HttpResponse<String> answer =
        CLIENT.send(
            d.toHttpRequest(URI.create("http://127.0.0.1:" + port + "/hooks/fwd")),
            HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
    assertThat(answer.headers().firstValue("Webhook-Delivery-State")).contains("forwarded");
    var records = ConformanceKafka.records(TOPIC, "fwd:" + d.id());
    assertThat(records).hasSize(1);
    ConsumerRecord<byte[], byte[]> r = records.get(0);
    assertThat(r.value()).isEqualTo(d.body());
    assertThat(
            new String(r.headers().lastHeader("webhook.provider").value(), StandardCharsets.UTF_8))
        .isEqualTo("github");
  }

  @Test
  void theApplicationsSpringKafkaSettingsAreUsedWhenTheEndpointNamesNoBrokers() throws Exception {
    String servers = ConformanceKafka.bootstrapServers();
    try (ConfigurableApplicationContext app = start("spring.kafka.bootstrap-servers=" + servers)) {
      assertForwarded(app);
    }
  }

  @Test
  void theApplicationsOwnKafkaTemplateIsHonouredOverSpringKafka() throws Exception {
    String servers = ConformanceKafka.bootstrapServers();
    // spring.kafka points nowhere: only the template's settings can reach the broker
    try (ConfigurableApplicationContext app =
        start("spring.kafka.bootstrap-servers=127.0.0.1:1", "test.own-template=" + servers)) {
      assertForwarded(app);
    }
  }
}

package io.webhookkit.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.webhookkit.core.ForwardedRecord;
import io.webhookkit.core.WebhookEvent;
import io.webhookkit.core.WebhookGuard;
import io.webhookkit.servlet.WebhookFilter;
import io.webhookkit.test.KafkaBroker;
import io.webhookkit.test.TestDelivery;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code processing=forward} end to end: a real one-node Kafka broker (KRaft, its own JVM), Jetty
 * with {@link WebhookFilter} configured by init-params only (the forwarder comes from the service
 * loader), real HTTP. The record arrives once with the exact bytes and headers; a duplicate
 * publishes nothing; with the broker stopped the provider gets 503 + Retry-After and nothing it was
 * told 2xx is missing from the topic; with the broker back its retry is forwarded.
 */
class ForwardFilterTest {
  private static final String SECRET = "forward-secret";
  private static final String TOPIC = "github-deliveries";
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private static final AtomicInteger SERVLET_CALLS = new AtomicInteger();
  private static KafkaBroker broker;
  private static Server server;
  private static URI base;

  /** Must never be called: a forwarding endpoint is answered by the filter. */
  public static class NeverServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) {
      SERVLET_CALLS.incrementAndGet();
      resp.setStatus(204);
    }
  }

  @BeforeAll
  static void start() throws Exception {
    broker = KafkaBroker.start();
    broker.createTopic(TOPIC);
    ServletContextHandler context = new ServletContextHandler("/");
    context.addServlet(NeverServlet.class, "/hooks/*");
    FilterHolder forward = new FilterHolder(WebhookFilter.class);
    forward.setName("github");
    forward.setInitParameters(
        Map.of(
            "provider", "github",
            "secrets", SECRET,
            "processing", "forward",
            "forward.topic", TOPIC,
            "forward.timeout", "3s",
            "forward.kafka.bootstrap.servers", broker.bootstrapServers(),
            "forward.kafka.linger.ms", "0"));
    context.addFilter(forward, "/hooks/github", EnumSet.of(DispatcherType.REQUEST));
    server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    server.addConnector(connector);
    server.setHandler(context);
    server.start();
    base = URI.create("http://127.0.0.1:" + connector.getLocalPort());
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) {
      server.stop();
    }
    if (broker != null) {
      broker.close();
    }
  }

  private static HttpResponse<String> post(TestDelivery d) throws Exception {
    return CLIENT.send(
        d.toHttpRequest(base.resolve("/hooks/github")), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void theRecordArrivesOnceWithTheExactBytesAndHeadersAndADuplicatePublishesNothing()
      throws Exception {
    String body = "{\"zen\":\"Caf\u00e9 \u2615\",\"hook_id\":1,\r\n \"n\" : 1.50}";
    TestDelivery d =
        TestDelivery.github(SECRET).withId(UUID.randomUUID().toString()).withBody(body);

    HttpResponse<String> first = post(d);
    assertThat(first.statusCode()).isEqualTo(202);
    assertThat(first.headers().firstValue(WebhookGuard.DELIVERY_STATE_HEADER))
        .contains("forwarded");
    HttpResponse<String> again = post(d);
    assertThat(again.statusCode()).isEqualTo(202);

    List<ConsumerRecord<byte[], byte[]>> records = recordsOf("github:" + d.id());
    assertThat(records).hasSize(1);
    ConsumerRecord<byte[], byte[]> r = records.get(0);
    assertThat(r.value()).isEqualTo(body.getBytes(StandardCharsets.UTF_8));
    assertThat(header(r, ForwardedRecord.PROVIDER)).isEqualTo("github");
    assertThat(header(r, ForwardedRecord.ENDPOINT)).isEqualTo("github");
    assertThat(header(r, ForwardedRecord.DELIVERY_ID)).isEqualTo(d.id());
    assertThat(header(r, ForwardedRecord.EVENT_TYPE)).isEqualTo(d.eventType());
    assertThat(header(r, ForwardedRecord.SECRET_LABEL)).isEqualTo("secrets[0]");
    assertThat(header(r, ForwardedRecord.CONTENT_TYPE)).isEqualTo("application/json");
    assertThat(SERVLET_CALLS).hasValue(0);

    WebhookEvent event = KafkaWebhookEvents.event(r);
    assertThat(event.deliveryId()).contains(d.id());
    assertThat(event.body()).isEqualTo(body.getBytes(StandardCharsets.UTF_8));
    assertThat(event.headers().first("X-GitHub-Delivery")).contains(d.id());
    assertThat(KafkaWebhookEvents.isWebhookRecord(r)).isTrue();
  }

  @Test
  void withTheBrokerDownTheProviderGets503AndItsRetryIsForwardedWhenItIsBack() throws Exception {
    TestDelivery before = TestDelivery.github(SECRET).withId("before-" + UUID.randomUUID());
    assertThat(post(before).statusCode()).isEqualTo(202);

    broker.kill();
    List<String> acknowledged = new ArrayList<>();
    List<TestDelivery> refused = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      TestDelivery d = TestDelivery.github(SECRET).withId("down-" + i + "-" + UUID.randomUUID());
      HttpResponse<String> answer = post(d);
      if (answer.statusCode() == 202) {
        acknowledged.add(d.id());
      } else {
        assertThat(answer.statusCode()).isEqualTo(503);
        assertThat(answer.headers().firstValue("Retry-After")).isPresent();
        assertThat(answer.body()).contains("forward_unavailable");
        refused.add(d);
      }
    }
    assertThat(refused).as("a killed broker acknowledges nothing").hasSize(3);
    assertThat(acknowledged).isEmpty();

    broker.restart();
    for (TestDelivery d : refused) {
      // the provider's retry: same id, same body
      HttpResponse<String> retry = retryUntilAcknowledged(d);
      assertThat(retry.statusCode()).isEqualTo(202);
      assertThat(recordsOf("github:" + d.id())).isNotEmpty();
    }
    assertThat(recordsOf("github:" + before.id())).hasSize(1);
  }

  /** The broker elects itself leader again after a restart; a provider retries until then. */
  private static HttpResponse<String> retryUntilAcknowledged(TestDelivery d) throws Exception {
    HttpResponse<String> answer = post(d);
    for (int i = 0; i < 20 && answer.statusCode() == 503; i++) {
      answer = post(d);
    }
    return answer;
  }

  private static String header(ConsumerRecord<byte[], byte[]> r, String name) {
    return new String(r.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
  }

  /** Every record of the topic with this key, read from the beginning. */
  private static List<ConsumerRecord<byte[], byte[]>> recordsOf(String key) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    List<ConsumerRecord<byte[], byte[]>> found = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      TopicPartition tp = new TopicPartition(TOPIC, 0);
      consumer.assign(List.of(tp));
      consumer.seekToBeginning(List.of(tp));
      long end = consumer.endOffsets(List.of(tp), Duration.ofSeconds(30)).get(tp);
      while (consumer.position(tp, Duration.ofSeconds(30)) < end) {
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
          if (r.key() != null && new String(r.key(), StandardCharsets.UTF_8).equals(key)) {
            found.add(r);
          }
        }
      }
    }
    return found;
  }
}

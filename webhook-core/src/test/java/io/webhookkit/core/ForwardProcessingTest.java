package io.webhookkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.webhookkit.core.forward.WebhookForwarder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * {@code processing=forward} in the guard, with a forwarder that records what it is given and
 * answers as told (the real broker is proven in webhook-kafka's tests): the answer waits for the
 * acknowledgement, a duplicate publishes nothing, a refusal or a late acknowledgement is answered
 * 503 with Retry-After and releases the delivery for the retry; the record carries the bytes and
 * the metadata, never a secret.
 */
class ForwardProcessingTest {
  private final MutableClock clock = new MutableClock(Delivery.NOW);
  private final List<WebhookAttempt> attempts = new CopyOnWriteArrayList<>();

  /** Records every record; answers with {@link #next}. */
  private static final class Recording implements WebhookForwarder {
    final List<String> topics = new CopyOnWriteArrayList<>();
    final List<ForwardedRecord> records = new CopyOnWriteArrayList<>();
    volatile CompletableFuture<?> next = CompletableFuture.completedFuture(null);

    @Override
    public CompletionStage<?> forward(String topic, ForwardedRecord record) {
      topics.add(topic);
      records.add(record);
      return next;
    }
  }

  private final Recording forwarder = new Recording();

  private WebhookGuard guard(EndpointConfig.Builder b) {
    return WebhookGuard.builder(b.build())
        .clock(clock)
        .listener(attempts::add)
        .forwarder(forwarder)
        .build();
  }

  private static EndpointConfig.Builder github() {
    return EndpointConfig.builder("gh")
        .provider("github")
        .secrets(Delivery.SECRET)
        .processing(Processing.FORWARD);
  }

  @Test
  void answeredWithTheAckStatusOnlyAfterTheBrokerAcknowledged() {
    WebhookGuard guard = guard(github());
    Delivery d = Delivery.github();
    Decision decision = guard.inspect(d.request());

    assertThat(decision).isInstanceOf(Decision.Respond.class);
    Decision.Respond r = (Decision.Respond) decision;
    assertThat(r.status()).isEqualTo(guard.config().ackStatus());
    assertThat(r.headers())
        .containsEntry(WebhookGuard.DELIVERY_STATE_HEADER, WebhookGuard.FORWARDED_STATE);
    assertThat(forwarder.topics).containsExactly("webhooks.gh");
    assertThat(attempts).extracting(WebhookAttempt::outcome).containsExactly(Outcome.FORWARDED);

    ForwardedRecord record = forwarder.records.get(0);
    assertThat(record.value()).isEqualTo(d.body);
    assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo("gh:" + d.id);
    Map<String, String> h = headers(record);
    assertThat(h)
        .containsEntry(ForwardedRecord.FORMAT, "1")
        .containsEntry(ForwardedRecord.ENDPOINT, "gh")
        .containsEntry(ForwardedRecord.PROVIDER, "github")
        .containsEntry(ForwardedRecord.DELIVERY_ID, d.id)
        .containsEntry(ForwardedRecord.EVENT_TYPE, "pull_request")
        .containsEntry(ForwardedRecord.SECRET_LABEL, "secrets[0]")
        .containsEntry(ForwardedRecord.CONTENT_TYPE, "application/json")
        .containsEntry("http.x-github-event", "pull_request");
  }

  @Test
  void aDuplicateIsAnsweredFromTheStoreAndPublishesNothing() {
    WebhookGuard guard = guard(github());
    Delivery d = Delivery.github();
    guard.inspect(d.request());
    Decision again = guard.inspect(d.request());

    assertThat(again).isInstanceOf(Decision.Respond.class);
    assertThat(((Decision.Respond) again).status()).isEqualTo(guard.config().ackStatus());
    assertThat(((Decision.Respond) again).outcome()).isEqualTo(Outcome.DUPLICATE);
    assertThat(forwarder.records).hasSize(1);
  }

  @Test
  void aRefusedRecordIs503WithRetryAfterAndTheRetryIsForwarded() {
    WebhookGuard guard = guard(github());
    Delivery d = Delivery.github();
    forwarder.next = CompletableFuture.failedFuture(new IllegalStateException("broker down"));

    assertRefused(guard.inspect(d.request()));

    forwarder.next = CompletableFuture.completedFuture(null);
    Decision retry = guard.inspect(d.request());
    assertThat(((Decision.Respond) retry).outcome()).isEqualTo(Outcome.FORWARDED);
    assertThat(forwarder.records).hasSize(2);
  }

  @Test
  void noAcknowledgementWithinTheTimeoutIs503AndReleased() {
    WebhookGuard guard = guard(github().forwardTimeout(Duration.ofMillis(50)));
    Delivery d = Delivery.github();
    forwarder.next = new CompletableFuture<>(); // never acknowledged

    assertRefused(guard.inspect(d.request()));

    forwarder.next = CompletableFuture.completedFuture(null);
    assertThat(((Decision.Respond) guard.inspect(d.request())).outcome())
        .isEqualTo(Outcome.FORWARDED);
  }

  @Test
  void aForwarderThatThrowsIsAnAnswerNotAnException() {
    WebhookGuard guard =
        WebhookGuard.builder(github().build())
            .clock(clock)
            .forwarder(
                (topic, record) -> {
                  throw new IllegalStateException("closed");
                })
            .build();
    assertRefused(guard.inspect(Delivery.github().request()));
  }

  @Test
  void withoutIdempotencyEveryDeliveryIsForwarded() {
    WebhookGuard guard = guard(github().idempotencyEnabled(false).forwardTopic("hooks"));
    Delivery d = Delivery.github();
    guard.inspect(d.request());
    guard.inspect(d.request());
    assertThat(forwarder.topics).containsExactly("hooks", "hooks");
  }

  @Test
  void theRecordRebuildsTheSameEventAndHoldsNoSecret() {
    Delivery d = Delivery.github();
    d.extraHeaders.put("Authorization", "Bearer token");
    d.extraHeaders.put("X-Echo", "has " + Delivery.SECRET + " inside");
    WebhookGuard guard = guard(github());
    guard.inspect(d.request());
    ForwardedRecord record = forwarder.records.get(0);

    Map<String, String> h = headers(record);
    assertThat(h).doesNotContainKeys("http.authorization", "http.x-echo");
    assertThat(h.values()).noneMatch(v -> v.contains(Delivery.SECRET));

    WebhookEvent event = ForwardedRecord.event(record.headers(), record.value());
    assertThat(event.endpoint()).isEqualTo("gh");
    assertThat(event.provider()).isEqualTo("github");
    assertThat(event.deliveryId()).contains(d.id);
    assertThat(event.eventType()).contains("pull_request");
    assertThat(event.secretLabel()).isEqualTo("secrets[0]");
    assertThat(event.body()).isEqualTo(d.body);
    assertThat(event.headers().first("X-GitHub-Event")).contains("pull_request");
  }

  @Test
  void aRecordNotWrittenByAForwarderIsRefused() {
    assertThatThrownBy(() -> ForwardedRecord.event(List.of(), new byte[0]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(ForwardedRecord.FORMAT);
    assertThatThrownBy(
            () ->
                ForwardedRecord.event(
                    List.of(
                        Map.entry(ForwardedRecord.FORMAT, "1".getBytes(StandardCharsets.UTF_8))),
                    new byte[0]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(ForwardedRecord.ENDPOINT);
  }

  @Test
  void forwardKeysAreReadAndCheckedAtStartUp() {
    EndpointConfig c =
        EndpointConfig.from(
            "gh",
            ConfigSource.of(
                Map.of(
                    "provider", "github",
                    "secrets", "s",
                    "processing", "forward",
                    "forward.topic", "github-events",
                    "forward.timeout", "2s",
                    "forward.kafka.bootstrap.servers", "127.0.0.1:9092",
                    "forward.kafka.compression.type", "zstd")),
            n -> null);
    assertThat(c.forwardTopic()).isEqualTo("github-events");
    assertThat(c.forwardTimeout()).isEqualTo(Duration.ofSeconds(2));
    assertThat(c.forwardSettings())
        .containsExactly(
            Map.entry("bootstrap.servers", "127.0.0.1:9092"),
            Map.entry("compression.type", "zstd"));

    assertThatThrownBy(
            () ->
                EndpointConfig.from(
                    "gh",
                    ConfigSource.of(
                        Map.of("provider", "github", "secrets", "s", "forward.topic", "t")),
                    n -> null))
        .isInstanceOf(WebhookConfigurationException.class)
        .hasMessageContaining("gh")
        .hasMessageContaining("forward.topic")
        .hasMessageContaining("processing=forward");
    assertThatThrownBy(
            () ->
                EndpointConfig.from(
                    "gh",
                    ConfigSource.of(
                        Map.of(
                            "provider",
                            "github",
                            "secrets",
                            "s",
                            "processing",
                            "forward",
                            "forward.topic",
                            "no spaces")),
                    n -> null))
        .isInstanceOf(WebhookConfigurationException.class)
        .hasMessageContaining("forward.topic");
  }

  @Test
  void forwardWithoutAForwarderOnTheClassPathFailsStartUpNamingTheKey() {
    // webhook-core's tests have no webhook-kafka: the ServiceLoader finds no provider
    assertThatThrownBy(() -> WebhookGuard.of(github().build()))
        .isInstanceOf(WebhookConfigurationException.class)
        .hasMessageContaining("gh")
        .hasMessageContaining("processing")
        .hasMessageContaining("webhook-kafka");
  }

  private static void assertRefused(Decision decision) {
    assertThat(decision).isInstanceOf(Decision.Respond.class);
    Decision.Respond r = (Decision.Respond) decision;
    assertThat(r.status()).isEqualTo(503);
    assertThat(r.reason()).isEqualTo(Reason.FORWARD_UNAVAILABLE);
    assertThat(r.headers()).containsKey("Retry-After");
  }

  private static Map<String, String> headers(ForwardedRecord record) {
    Map<String, String> h = new java.util.LinkedHashMap<>();
    record
        .headers()
        .forEach(e -> h.putIfAbsent(e.getKey(), new String(e.getValue(), StandardCharsets.UTF_8)));
    return h;
  }
}

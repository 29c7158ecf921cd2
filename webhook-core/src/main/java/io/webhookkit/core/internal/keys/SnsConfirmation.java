package io.webhookkit.core.internal.keys;

import io.webhookkit.core.WebhookRequest;
import io.webhookkit.core.internal.Json;
import io.webhookkit.core.provider.HandshakeAnswer;
import io.webhookkit.core.provider.HandshakeResponder;
import io.webhookkit.core.provider.Payload;
import io.webhookkit.core.provider.RemoteKeys;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Amazon SNS's subscription handshake, asked only after the message's signature verified: a {@code
 * SubscriptionConfirmation} is confirmed by fetching its {@code SubscribeURL} — only on the SNS
 * host of the topic's region, path {@code /}, {@code Action=ConfirmSubscription} — when {@code
 * auto-confirm=true}, else the URL is logged for the operator to open; an {@code
 * UnsubscribeConfirmation} is acknowledged and logged. Neither reaches the handler. A confirmation
 * that could not be fetched is answered 503 with {@code Retry-After}, so that SNS sends it again.
 * Thread-safe.
 */
public final class SnsConfirmation implements HandshakeResponder {
  private static final Logger LOG = LoggerFactory.getLogger(SnsConfirmation.class);
  private static final Duration RETRY_AFTER = Duration.ofSeconds(20);

  private final String endpoint;
  private final boolean autoConfirm;
  private final HttpClient client;
  private final Duration timeout;
  private final RemoteKeys remoteKeys;

  /**
   * The handshake of one endpoint.
   *
   * @param endpoint the endpoint's name, for the log
   * @param autoConfirm whether to fetch the {@code SubscribeURL} (else it is logged)
   * @param remoteKeys the client and time-out of the fetch
   */
  public SnsConfirmation(String endpoint, boolean autoConfirm, RemoteKeys remoteKeys) {
    this.endpoint = endpoint;
    this.autoConfirm = autoConfirm;
    this.client = remoteKeys.httpClient();
    this.timeout = remoteKeys.timeout();
    this.remoteKeys = remoteKeys;
  }

  @Override
  public Set<String> jsonPaths() {
    return Set.of("Type", "TopicArn", "SubscribeURL", "SubscribeUrl");
  }

  @Override
  public Optional<HandshakeAnswer> answer(WebhookRequest request, Payload payload) {
    String type = payload.json("Type").orElse("");
    String topic = payload.json("TopicArn").orElse("");
    if (type.equals("UnsubscribeConfirmation")) {
      LOG.info(
          "webhook endpoint {}: SNS confirmed the subscription to {} was deleted", endpoint, topic);
      return Optional.of(answer(200, "unsubscribed"));
    }
    if (!type.equals("SubscriptionConfirmation")) {
      return Optional.empty();
    }
    String subscribe =
        payload.json("SubscribeURL").or(() -> payload.json("SubscribeUrl")).orElse("");
    URI url = confirmationUrl(subscribe, SnsScheme.region(topic));
    if (url == null) {
      LOG.warn(
          "webhook endpoint {}: the SNS subscription confirmation for {} has a SubscribeURL"
              + " that is not an SNS confirmation link of the topic's region; not confirmed",
          endpoint,
          topic);
      return Optional.of(answer(200, "not-confirmed"));
    }
    if (!autoConfirm) {
      LOG.warn(
          "webhook endpoint {}: SNS asks to confirm the subscription to {}; open this URL to"
              + " confirm it (or set auto-confirm=true): {}",
          endpoint,
          topic,
          url);
      return Optional.of(answer(200, "pending"));
    }
    try {
      HttpResponse<Void> response =
          client.send(
              HttpRequest.newBuilder(url).timeout(timeout).GET().build(),
              HttpResponse.BodyHandlers.discarding());
      if (response.statusCode() == 200) {
        LOG.info("webhook endpoint {}: confirmed the SNS subscription to {}", endpoint, topic);
        return Optional.of(answer(200, "confirmed"));
      }
      LOG.warn(
          "webhook endpoint {}: SNS answered {} to the subscription confirmation for {}",
          endpoint,
          response.statusCode(),
          topic);
    } catch (IOException e) {
      LOG.warn(
          "webhook endpoint {}: the SNS subscription confirmation for {} failed: {}",
          endpoint,
          topic,
          e.getClass().getSimpleName());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return Optional.of(
        new HandshakeAnswer(
            503,
            "application/json",
            Json.object(Map.of("subscription", "not-confirmed")),
            Map.of("Retry-After", Long.toString(RETRY_AFTER.toSeconds()))));
  }

  private static HandshakeAnswer answer(int status, String state) {
    return new HandshakeAnswer(
        status, "application/json", Json.object(Map.of("subscription", state)), Map.of());
  }

  /**
   * The link when it is SNS's confirmation link on the topic's regional host, as it is fetched
   * (moved to the test server when the settings name one).
   */
  private @Nullable URI confirmationUrl(String value, @Nullable String region) {
    if (value.isEmpty() || region == null) {
      return null;
    }
    URI url = SnsSignature.uri(value);
    if (url == null) {
      return null;
    }
    HostPin pin = HostPin.exact(SnsScheme.host(region), "/").allowingQuery();
    String query = url.getRawQuery();
    if (pin.refusal(url) != null
        || !"/".equals(url.getRawPath())
        || query == null
        || !("&" + query + "&").contains("&Action=ConfirmSubscription&")) {
      return null;
    }
    return remoteKeys.resolve(url);
  }
}

package io.webhookkit.core.provider;

import com.nimbusds.jose.util.JSONObjectUtils;
import io.webhookkit.core.WebhookEvent;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The message inside a Google Cloud Pub/Sub push (the {@code gcp-pubsub} preset's wrapped body
 * {@code {"message":{"data":…,"attributes":…,"messageId":…,"publishTime":…},"subscription":…}}),
 * with its base64 {@code data} decoded to the bytes the publisher sent. Immutable.
 *
 * @param messageId the message id (the delivery id)
 * @param publishTime when Pub/Sub received the message, as sent (RFC 3339), or empty
 * @param attributes the message's attributes
 * @param subscription the subscription's full name, or empty
 * @param data the published bytes, decoded from base64 (empty when the message has none)
 * @see <a href="https://cloud.google.com/pubsub/docs/push#receive_push">Google Cloud: receive push
 *     messages</a>
 */
public record PubSubMessage(
    String messageId,
    String publishTime,
    Map<String, String> attributes,
    String subscription,
    byte[] data) {

  /** Copies the attributes and the data. */
  public PubSubMessage {
    attributes = Map.copyOf(attributes);
    data = data.clone();
  }

  /** The published bytes (a copy). */
  @Override
  public byte[] data() {
    return data.clone();
  }

  /** The published bytes as UTF-8 text. */
  public String dataAsString() {
    return new String(data, StandardCharsets.UTF_8);
  }

  /** The message of a verified {@code gcp-pubsub} event; empty when the body is not a push. */
  public static Optional<PubSubMessage> of(WebhookEvent event) {
    return parse(event.body());
  }

  /** The message of a push body; empty when it is not one (never throws). */
  public static Optional<PubSubMessage> parse(byte[] body) {
    try {
      Map<String, Object> push = JSONObjectUtils.parse(new String(body, StandardCharsets.UTF_8));
      Map<String, Object> message = JSONObjectUtils.getJSONObject(push, "message");
      if (message == null) {
        return Optional.empty();
      }
      String id = text(message, "messageId");
      if (id == null) {
        id = text(message, "message_id");
      }
      if (id == null) {
        return Optional.empty();
      }
      Map<String, String> attributes = new LinkedHashMap<>();
      Map<String, Object> given = JSONObjectUtils.getJSONObject(message, "attributes");
      if (given != null) {
        for (Map.Entry<String, Object> e : given.entrySet()) {
          if (e.getValue() instanceof String v) {
            attributes.put(e.getKey(), v);
          }
        }
      }
      String data = text(message, "data");
      byte[] bytes = data == null ? new byte[0] : Base64.getDecoder().decode(data);
      String time = text(message, "publishTime");
      String subscription = text(push, "subscription");
      return Optional.of(
          new PubSubMessage(
              id,
              time == null ? "" : time,
              attributes,
              subscription == null ? "" : subscription,
              bytes));
    } catch (ParseException | IllegalArgumentException notAPush) {
      return Optional.empty();
    }
  }

  private static @Nullable String text(Map<String, Object> object, String name)
      throws ParseException {
    return JSONObjectUtils.getString(object, name);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof PubSubMessage m
        && messageId.equals(m.messageId)
        && publishTime.equals(m.publishTime)
        && attributes.equals(m.attributes)
        && subscription.equals(m.subscription)
        && Arrays.equals(data, m.data);
  }

  @Override
  public int hashCode() {
    return messageId.hashCode();
  }

  @Override
  public String toString() {
    return "PubSubMessage[" + messageId + ", " + data.length + " bytes]";
  }
}

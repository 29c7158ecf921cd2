package io.webhookkit.kafka;

import io.webhookkit.core.ForwardedRecord;
import io.webhookkit.core.WebhookEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * The consuming side: the {@link WebhookEvent} a forwarding endpoint published, rebuilt from the
 * record, so that a {@code @KafkaListener} or a plain consumer loop runs the same handler code as a
 * {@code processing=sync} endpoint. The record is trusted as written by the receiving service;
 * nothing is verified again.
 */
public final class KafkaWebhookEvents {
  private KafkaWebhookEvents() {}

  /**
   * The event of a record.
   *
   * @throws IllegalArgumentException when the record was not written by a forwarding endpoint
   */
  public static WebhookEvent event(ConsumerRecord<?, byte[]> record) {
    return event(record.headers(), record.value());
  }

  /**
   * The event from a record's headers and value (for frameworks that hand them over apart).
   *
   * @throws IllegalArgumentException when they were not written by a forwarding endpoint
   */
  public static WebhookEvent event(Headers headers, byte[] value) {
    if (value == null) {
      throw new IllegalArgumentException("the record has no value (a tombstone)");
    }
    List<Map.Entry<String, byte[]>> list = new ArrayList<>();
    for (Header h : headers) {
      list.add(Map.entry(h.key(), h.value() == null ? new byte[0] : h.value()));
    }
    return ForwardedRecord.event(list, value);
  }

  /** Whether a record was written by a forwarding endpoint (it has the format header). */
  public static boolean isWebhookRecord(ConsumerRecord<?, ?> record) {
    return record.headers().lastHeader(ForwardedRecord.FORMAT) != null;
  }
}

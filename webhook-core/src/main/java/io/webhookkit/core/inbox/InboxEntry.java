package io.webhookkit.core.inbox;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One verified delivery as the inbox keeps it: its endpoint-scoped key, the endpoint and event type
 * (for listing and routing), the rest of what its handler reads — provider, delivery id, signed
 * timestamp, matched secret label, headers (never one carrying a secret), attributes — as the
 * core's JSON {@code metadata}, and the raw body bytes exactly as received. Stores keep the
 * metadata and body as opaque values.
 *
 * @param key the endpoint-scoped delivery key ({@code <endpoint>:<delivery id>})
 * @param endpoint the endpoint name
 * @param eventType the event type, if the provider gives one
 * @param metadata the core's JSON for the rest of the event
 * @param body the raw body (shared, not copied)
 */
@SuppressWarnings("ArrayRecordComponent") // the body is kept as received, by design
public record InboxEntry(
    String key, String endpoint, @Nullable String eventType, String metadata, byte[] body) {
  /** Checks the parts are present. */
  public InboxEntry {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(metadata, "metadata");
    Objects.requireNonNull(body, "body");
  }

  @Override
  public String toString() {
    return "InboxEntry[" + key + ", " + eventType + ", " + body.length + " bytes]";
  }
}

package io.webhookkit.core.inbox;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A dead delivery as listed: kept with its body (not shown here) until replayed.
 *
 * @param key the endpoint-scoped delivery key
 * @param endpoint the endpoint name
 * @param eventType the event type, if known
 * @param attempts how many attempts ran
 * @param lastError the last failure: exception class and message (secrets removed)
 * @param receivedAt when the delivery was first written
 */
public record DeadEntry(
    String key,
    String endpoint,
    @Nullable String eventType,
    int attempts,
    @Nullable String lastError,
    Instant receivedAt) {}

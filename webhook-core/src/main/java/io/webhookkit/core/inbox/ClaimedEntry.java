package io.webhookkit.core.inbox;

import java.time.Instant;
import java.util.Objects;

/**
 * A delivery a worker now owns: what it must hand its handler, the owner token that fences every
 * later change, and how many attempts were claimed (this one included).
 *
 * @param entry the delivery
 * @param ownerToken proves ownership to {@code heartbeat}, {@code complete}, {@code retry} and
 *     {@code dead}
 * @param attempts attempts claimed so far, this one included (counted at the claim, so crashes
 *     count)
 * @param receivedAt when the delivery was first written, by the store's clock
 */
public record ClaimedEntry(InboxEntry entry, String ownerToken, int attempts, Instant receivedAt) {
  /** Checks the parts are present. */
  public ClaimedEntry {
    Objects.requireNonNull(entry, "entry");
    Objects.requireNonNull(ownerToken, "ownerToken");
    Objects.requireNonNull(receivedAt, "receivedAt");
  }

  /** The entry's key. */
  public String key() {
    return entry.key();
  }
}

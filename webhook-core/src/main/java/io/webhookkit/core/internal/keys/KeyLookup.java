package io.webhookkit.core.internal.keys;

import java.time.Duration;

/**
 * What a {@link RemoteKeySource} answered for one key.
 *
 * @param <K> the key type
 */
public sealed interface KeyLookup<K> {
  /** The key. */
  record Found<K>(K key) implements KeyLookup<K> {}

  /** The key set was fetched (or refreshed recently) and has no such key id: forged or retired. */
  record NotFound<K>(String kid) implements KeyLookup<K> {}

  /** The URL is not one the preset pins: never fetched. */
  record Refused<K>(String why) implements KeyLookup<K> {}

  /** No key could be had in time (host down, time-out, bad answer): fail closed, retry later. */
  record Unavailable<K>(String why, Duration retryAfter) implements KeyLookup<K> {}
}

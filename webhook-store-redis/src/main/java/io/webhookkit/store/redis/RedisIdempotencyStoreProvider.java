package io.webhookkit.store.redis;

import io.webhookkit.core.idempotency.IdempotencyStore;
import io.webhookkit.core.idempotency.IdempotencyStoreProvider;
import io.webhookkit.core.idempotency.StoreSettings;

/**
 * {@code webhook.idempotency.store=redis}: a {@link RedisIdempotencyStore} with its own fail-fast
 * client. Keys: {@code redis.uri} (required, e.g. {@code redis://127.0.0.1:6379}; a password
 * belongs in an environment variable named by {@code redis.uri-env} instead) and {@code
 * redis.key-prefix} (default {@code webhook:}).
 */
public final class RedisIdempotencyStoreProvider implements IdempotencyStoreProvider {
  /** Called by {@link java.util.ServiceLoader}. */
  public RedisIdempotencyStoreProvider() {}

  @Override
  public String name() {
    return "redis";
  }

  @Override
  public IdempotencyStore create(StoreSettings settings) {
    String uri = settings.get("redis.uri");
    String uriEnv = settings.get("redis.uri-env");
    if (uri == null && uriEnv != null) {
      uri = System.getenv(uriEnv);
      if (uri == null || uri.isBlank()) {
        throw settings.invalid("redis.uri-env", "environment variable " + uriEnv + " is not set");
      }
    }
    if (uri == null) {
      throw settings.invalid(
          "redis.uri", "is required when the store is redis (or give redis.uri-env)");
    }
    if (!uri.startsWith("redis://") && !uri.startsWith("rediss://")) {
      throw settings.invalid(
          uriEnv != null ? "redis.uri-env" : "redis.uri", "must start with redis:// or rediss://");
    }
    return RedisIdempotencyStore.connect(
        uri, settings.get("redis.key-prefix", "webhook:"), settings.clock());
  }
}

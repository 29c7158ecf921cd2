/** The Redis idempotency store: {@link io.webhookkit.store.redis.RedisIdempotencyStore}. */
@NullMarked
package io.webhookkit.store.redis;

import org.jspecify.annotations.NullMarked;

package io.webhookkit.micronaut;

import io.micronaut.context.BeanContext;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.value.PropertyResolver;
import io.webhookkit.core.idempotency.IdempotencyStore;
import io.webhookkit.core.idempotency.IdempotencyStores;
import io.webhookkit.core.idempotency.StoreSettings;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.jspecify.annotations.Nullable;

/**
 * The idempotency store, unless the application defines its own {@link IdempotencyStore} bean:
 * {@code webhook.idempotency.store} selects {@code memory} (default), {@code jdbc} (on the
 * application's {@code DataSource} bean, with {@code webhook-store-jdbc} on the class path) or
 * {@code redis} ({@code webhook.idempotency.redis.uri}, with {@code webhook-store-redis}). A store
 * this factory made is closed with the application context.
 */
@Factory
final class WebhookStoreFactory {
  private volatile @Nullable IdempotencyStore made;

  @Singleton
  @Requires(missingBeans = IdempotencyStore.class)
  IdempotencyStore webhookIdempotencyStore(PropertyResolver properties, BeanContext beans) {
    IdempotencyStore store =
        IdempotencyStores.create(
            new StoreSettings(
                key -> properties.get(key, String.class).orElse(null),
                type -> beans.findBean(type).orElse(null),
                Clock.systemUTC()));
    made = store;
    return store;
  }

  @PreDestroy
  void close() throws Exception {
    if (made instanceof AutoCloseable closeable) {
      closeable.close();
    }
  }
}

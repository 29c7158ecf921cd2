package io.webhookkit.jaxrs;

import io.webhookkit.core.idempotency.IdempotencyStore;
import io.webhookkit.core.idempotency.IdempotencyStores;
import io.webhookkit.core.idempotency.StoreSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * The idempotency store bean: {@code webhook.idempotency.store} selects {@code memory} (default),
 * {@code jdbc} (on the application's {@code DataSource} bean, with {@code webhook-store-jdbc}) or
 * {@code redis} ({@code webhook.idempotency.redis.uri}, with {@code webhook-store-redis}). To use
 * your own, produce an {@link IdempotencyStore} as an enabled {@code @Alternative} —
 * {@code @Singleton} or {@code @Dependent}, not a proxied scope, when it also serves deferred
 * endpoints. A store made here is closed with the application.
 */
@ApplicationScoped
public class WebhookStoreProducer {
  /**
   * A {@code @Singleton} (a pseudo-scope: no client proxy), so that the guards see the store's own
   * type and use its inbox for deferred endpoints.
   */
  @Produces
  @Singleton
  IdempotencyStore webhookIdempotencyStore(
      Instance<WebhookSettings> settings, Instance<Object> beans) {
    WebhookSettings resolved = WebhookSettingsSource.resolve(settings);
    return IdempotencyStores.create(
        new StoreSettings(
            resolved::get,
            type -> {
              Instance<?> candidate = beans.select(type);
              return candidate.isResolvable() ? candidate.get() : null;
            },
            Clock.systemUTC()));
  }

  void close(@Disposes IdempotencyStore store) throws Exception {
    if (store instanceof AutoCloseable closeable) {
      closeable.close();
    }
  }
}

package io.webhookkit.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.webhookkit.core.WebhookConfigurationException;
import io.webhookkit.core.idempotency.IdempotencyStores;
import io.webhookkit.core.idempotency.InMemoryIdempotencyStore;
import io.webhookkit.core.idempotency.StoreSettings;
import io.webhookkit.store.jdbc.JdbcIdempotencyStore;
import java.time.Clock;
import java.util.Map;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** webhook.idempotency.store selects the store; a wrong selection fails start-up naming the key. */
class StoreSelectionTest {
  private static StoreSettings settings(
      Map<String, String> keys, Map<Class<?>, Object> components) {
    return new StoreSettings(keys::get, components::get, Clock.systemUTC());
  }

  @Test
  void everyStoreOnTheClassPathIsAvailable() {
    assertThat(IdempotencyStores.names()).contains("memory", "jdbc", "redis");
  }

  @Test
  void memoryIsTheDefaultAndJdbcUsesTheApplicationsDataSource() {
    assertThat(IdempotencyStores.create(settings(Map.of(), Map.of())))
        .isInstanceOf(InMemoryIdempotencyStore.class);
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:selection;DB_CLOSE_DELAY=-1");
    assertThat(
            IdempotencyStores.create(
                settings(
                    Map.of(
                        "webhook.idempotency.store",
                        "jdbc",
                        "webhook.idempotency.jdbc.create-table",
                        "true"),
                    Map.of(javax.sql.DataSource.class, h2))))
        .isInstanceOf(JdbcIdempotencyStore.class);
  }

  @Test
  void badSelectionsNameTheKey() {
    assertThat(
            catchThrowable(
                () ->
                    IdempotencyStores.create(
                        settings(Map.of("webhook.idempotency.store", "mongo"), Map.of()))))
        .isInstanceOf(WebhookConfigurationException.class)
        .hasMessageContaining("key 'webhook.idempotency.store'")
        .hasMessageContaining("available: jdbc, memory, redis");
    assertThat(
            catchThrowable(
                () ->
                    IdempotencyStores.create(
                        settings(Map.of("webhook.idempotency.store", "jdbc"), Map.of()))))
        .hasMessageContaining("key 'webhook.idempotency.store'")
        .hasMessageContaining("DataSource");
    assertThat(
            catchThrowable(
                () ->
                    IdempotencyStores.create(
                        settings(Map.of("webhook.idempotency.store", "redis"), Map.of()))))
        .hasMessageContaining("key 'webhook.idempotency.redis.uri'");
  }

  @Test
  void aServletContextWithAJdbcStoreButNoDataSourceDoesNotStart() {
    Throwable failure =
        catchThrowable(
            () -> Instances.start(Map.of("webhook.idempotency.store", "jdbc"), Map.of()).stop());
    Throwable cause = failure;
    while (cause != null && !(cause instanceof WebhookConfigurationException)) {
      cause = cause.getCause();
    }
    assertThat(cause).as("%s", failure).hasMessageContaining("webhook.idempotency.store");
  }
}

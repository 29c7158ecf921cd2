package io.webhookkit.store.jdbc;

import io.webhookkit.core.idempotency.IdempotencyStore;
import io.webhookkit.core.idempotency.IdempotencyStoreProvider;
import io.webhookkit.core.idempotency.StoreSettings;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * {@code webhook.idempotency.store=jdbc}: a {@link JdbcIdempotencyStore} on the application's
 * {@link DataSource} (servlet: the context attribute {@code javax.sql.DataSource}; Spring: the
 * {@code DataSource} bean). Keys: {@code jdbc.table} (default {@code webhook_deliveries}) and
 * {@code jdbc.create-table} (default {@code false}).
 */
public final class JdbcIdempotencyStoreProvider implements IdempotencyStoreProvider {
  /** Called by {@link java.util.ServiceLoader}. */
  public JdbcIdempotencyStoreProvider() {}

  @Override
  public String name() {
    return "jdbc";
  }

  @Override
  public IdempotencyStore create(StoreSettings settings) {
    DataSource dataSource =
        settings
            .component(DataSource.class)
            .orElseThrow(
                () ->
                    settings.invalid(
                        "store",
                        "is jdbc but the application provides no javax.sql.DataSource (servlet: set the context attribute javax.sql.DataSource; Spring: a DataSource bean)"));
    String create = settings.get("jdbc.create-table", "false");
    if (!create.equalsIgnoreCase("true") && !create.equalsIgnoreCase("false")) {
      throw settings.invalid("jdbc.create-table", "'" + create + "' is not true or false");
    }
    JdbcIdempotencyStore.Builder b =
        JdbcIdempotencyStore.builder(dataSource)
            .clock(settings.clock())
            .createTableIfMissing(Boolean.parseBoolean(create));
    try {
      b.table(settings.get("jdbc.table", "webhook_deliveries"));
    } catch (IllegalArgumentException e) {
      throw settings.invalid(
          "jdbc.table", Objects.requireNonNullElse(e.getMessage(), "is not valid"));
    }
    return b.build();
  }
}

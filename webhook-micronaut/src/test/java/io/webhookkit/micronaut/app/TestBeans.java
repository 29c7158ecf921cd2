package io.webhookkit.micronaut.app;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.webhookkit.core.idempotency.IdempotencyStore;
import io.webhookkit.core.idempotency.InMemoryIdempotencyStore;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/** Beans an application would define: an H2 DataSource, or its own idempotency store. */
@Factory
public class TestBeans {
  /** The application's own store, which replaces the kit's. */
  public static final IdempotencyStore CUSTOM_STORE = InMemoryIdempotencyStore.create();

  @Singleton
  @Requires(property = "test.datasource", value = "true")
  DataSource dataSource() {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:micronaut-store;DB_CLOSE_DELAY=-1");
    return h2;
  }

  /** The threads the store was called on, per operation. */
  public static final java.util.List<String> STORE_THREADS =
      new java.util.concurrent.CopyOnWriteArrayList<>();

  @Singleton
  @Named("recording")
  @Requires(property = "test.recording-store", value = "true")
  IdempotencyStore recordingStore() {
    IdempotencyStore inner = InMemoryIdempotencyStore.create();
    return new IdempotencyStore() {
      @Override
      public io.webhookkit.core.idempotency.Acquisition acquire(
          String key, String fingerprint, java.time.Duration lease) {
        STORE_THREADS.add("acquire " + Thread.currentThread().getName());
        return inner.acquire(key, fingerprint, lease);
      }

      @Override
      public boolean complete(
          String key, String ownerToken, int status, java.time.Duration retention) {
        STORE_THREADS.add("complete " + Thread.currentThread().getName());
        return inner.complete(key, ownerToken, status, retention);
      }

      @Override
      public boolean release(String key, String ownerToken) {
        STORE_THREADS.add("release " + Thread.currentThread().getName());
        return inner.release(key, ownerToken);
      }
    };
  }

  @Singleton
  @Named("custom")
  @Requires(property = "test.custom-store", value = "true")
  IdempotencyStore customStore() {
    return CUSTOM_STORE;
  }
}

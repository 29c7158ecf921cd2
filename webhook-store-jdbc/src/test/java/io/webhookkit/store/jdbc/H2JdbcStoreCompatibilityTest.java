package io.webhookkit.store.jdbc;

import io.webhookkit.core.idempotency.IdempotencyStore;
import io.webhookkit.test.RemoteIdempotencyStoreCompatibilityKit;
import java.time.Clock;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.h2.tools.Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;

/** The store compatibility kit on H2, served over TCP from target/ so that it can be stopped. */
class H2JdbcStoreCompatibilityTest extends RemoteIdempotencyStoreCompatibilityKit {
  private static Server server;
  private static int port;

  @BeforeAll
  static void startH2() throws Exception {
    server =
        Server.createTcpServer("-tcpPort", "0", "-baseDir", "target/h2", "-ifNotExists").start();
    port = server.getPort();
  }

  @AfterAll
  static void stopH2() {
    server.stop();
  }

  private static JdbcDataSource dataSource() {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:tcp://127.0.0.1:" + port + "/./kit;LOCK_TIMEOUT=10000");
    return ds;
  }

  @Override
  protected IdempotencyStore createStore(Clock clock) {
    return JdbcIdempotencyStore.builder(dataSource())
        .clock(clock)
        .createTableIfMissing(true)
        .build();
  }

  @Override
  protected void stopServer() {
    server.stop();
  }

  @Override
  protected void startServer() throws Exception {
    server =
        Server.createTcpServer(
                "-tcpPort", Integer.toString(port), "-baseDir", "target/h2", "-ifNotExists")
            .start();
  }

  /** The inbox compatibility kit on the same server: the kit's clock, then the database's own. */
  @Nested
  class Inbox extends JdbcInboxKit {
    @Override
    DataSource dataSource() throws Exception {
      return H2JdbcStoreCompatibilityTest.dataSource();
    }

    @Override
    void stop() throws Exception {
      H2JdbcStoreCompatibilityTest.this.stopServer();
    }

    @Override
    void start() throws Exception {
      H2JdbcStoreCompatibilityTest.this.startServer();
    }
  }
}

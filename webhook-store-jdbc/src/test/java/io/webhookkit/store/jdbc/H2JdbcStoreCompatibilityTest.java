package io.webhookkit.store.jdbc;

import io.webhookkit.core.idempotency.IdempotencyStore;
import io.webhookkit.core.inbox.DeliveryInbox;
import io.webhookkit.test.InboxCompatibilityKit;
import io.webhookkit.test.RemoteIdempotencyStoreCompatibilityKit;
import java.time.Clock;
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
  class Inbox extends InboxCompatibilityKit {
    @Override
    protected DeliveryInbox createInbox(Clock clock) throws Exception {
      return JdbcIdempotencyStore.builder(dataSource())
          .clock(clock)
          .inboxClock(clock)
          .createTableIfMissing(true)
          .build();
    }

    @Override
    protected DeliveryInbox createInboxOnItsOwnClock() throws Exception {
      return JdbcIdempotencyStore.builder(dataSource()).createTableIfMissing(true).build();
    }

    @Override
    protected boolean hasServer() {
      return true;
    }

    @Override
    protected void stopServer() throws Exception {
      H2JdbcStoreCompatibilityTest.this.stopServer();
    }

    @Override
    protected void startServer() throws Exception {
      H2JdbcStoreCompatibilityTest.this.startServer();
    }
  }
}

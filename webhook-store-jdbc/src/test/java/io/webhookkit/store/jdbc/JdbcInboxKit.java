package io.webhookkit.store.jdbc;

import io.webhookkit.core.inbox.DeliveryInbox;
import io.webhookkit.test.InboxCompatibilityKit;
import java.time.Clock;
import javax.sql.DataSource;

/**
 * The inbox compatibility kit on a JDBC server the enclosing test runs: the kit's clock, then the
 * database's own; the server stopped and started by the enclosing test.
 */
abstract class JdbcInboxKit extends InboxCompatibilityKit {
  /** The server's data source. */
  abstract DataSource dataSource() throws Exception;

  /** Stops the server. */
  abstract void stop() throws Exception;

  /** Starts it again with its data. */
  abstract void start() throws Exception;

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
    stop();
  }

  @Override
  protected void startServer() throws Exception {
    start();
  }
}

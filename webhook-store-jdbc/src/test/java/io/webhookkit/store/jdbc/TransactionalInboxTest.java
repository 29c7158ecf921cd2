package io.webhookkit.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.webhookkit.core.EndpointConfig;
import io.webhookkit.core.Processing;
import io.webhookkit.core.WebhookGuard;
import io.webhookkit.core.idempotency.Acquisition;
import io.webhookkit.core.inbox.ClaimedEntry;
import io.webhookkit.core.inbox.Enqueued;
import io.webhookkit.core.inbox.InboxEntry;
import io.webhookkit.test.SettableClock;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code transactional=true} on H2: the handler's writes on {@link JdbcInboxTransaction} commit
 * with the completion or not at all; and 0.1's table upgraded by the shipped migration serves the
 * inbox.
 */
class TransactionalInboxTest {
  private static final Duration LEASE = Duration.ofSeconds(60);
  private final SettableClock clock = new SettableClock(Instant.parse("2026-12-02T12:00:00Z"));
  private JdbcDataSource ds;
  private JdbcIdempotencyStore store;

  @BeforeEach
  void database() throws Exception {
    ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    store =
        JdbcIdempotencyStore.builder(ds)
            .clock(clock)
            .inboxClock(clock)
            .createTableIfMissing(true)
            .build();
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE effects (delivery VARCHAR(100))");
    }
  }

  private ClaimedEntry queuedAndClaimed(String id) {
    InboxEntry e = new InboxEntry("tx:" + id, "tx", "push", "{}", new byte[] {1});
    assertThat(store.enqueue(e, "fp", null)).isInstanceOf(Enqueued.Accepted.class);
    return store.claimDue("tx", 1, LEASE).get(0);
  }

  private static void effect(String id) throws Exception {
    try (PreparedStatement s =
        JdbcInboxTransaction.connection().prepareStatement("INSERT INTO effects VALUES (?)")) {
      s.setString(1, id);
      s.executeUpdate();
    }
  }

  private int effects() throws Exception {
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM effects")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  @Test
  void theHandlersWritesCommitWithTheCompletion() throws Exception {
    ClaimedEntry c = queuedAndClaimed("ok");
    assertThat(store.completeWith(c.key(), c.ownerToken(), 200, LEASE, () -> effect("ok")))
        .isTrue();
    assertThat(effects()).isEqualTo(1);
    assertThat(store.enqueue(c.entry(), "fp", null)).isEqualTo(new Enqueued.Completed(200));
    assertThat(JdbcInboxTransaction.current()).isEmpty();
  }

  @Test
  void aHandlerThatThrowsLeavesNoWriteAndTheDeliveryHeld() throws Exception {
    ClaimedEntry c = queuedAndClaimed("boom");
    assertThatThrownBy(
            () ->
                store.completeWith(
                    c.key(),
                    c.ownerToken(),
                    200,
                    LEASE,
                    () -> {
                      effect("boom");
                      throw new IllegalStateException("after the write");
                    }))
        .hasMessage("after the write");
    assertThat(effects()).isZero();
    assertThat(store.retry(c.key(), c.ownerToken(), Duration.ZERO, "E")).isTrue();
  }

  @Test
  void aWorkerThatLostItsLeaseHasItsWritesRolledBack() throws Exception {
    ClaimedEntry stale = queuedAndClaimed("zombie");
    boolean[] takenOver = new boolean[1];
    boolean completed =
        store.completeWith(
            stale.key(),
            stale.ownerToken(),
            200,
            LEASE,
            () -> {
              effect("zombie");
              clock.advance(LEASE.plusSeconds(1)); // the handler outlived its lease
              List<ClaimedEntry> other = store.claimDue("tx", 1, LEASE);
              takenOver[0] = other.size() == 1;
            });
    assertThat(takenOver[0]).isTrue();
    assertThat(completed).isFalse();
    assertThat(effects()).isZero();
    assertThatThrownBy(JdbcInboxTransaction::connection).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aDeferredEndpointOnAnUnmigrated01TableFailsAtStartUpNamingTheMigration() throws Exception {
    JdbcDataSource old = new JdbcDataSource();
    old.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    try (Connection c = old.getConnection();
        Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE webhook_deliveries (delivery_key VARCHAR(330) NOT NULL PRIMARY KEY,"
              + " fingerprint VARCHAR(64) NOT NULL, state CHAR(1) NOT NULL, owner_token"
              + " VARCHAR(64) NOT NULL, status INTEGER NOT NULL, expires_at BIGINT NOT NULL)");
    }
    JdbcIdempotencyStore unmigrated = JdbcIdempotencyStore.builder(old).build();
    EndpointConfig deferred =
        EndpointConfig.builder("orders")
            .provider("github")
            .secrets("s")
            .processing(Processing.DEFERRED)
            .build();
    assertThatThrownBy(() -> WebhookGuard.builder(deferred).idempotencyStore(unmigrated).build())
        .hasMessageContaining("endpoint 'orders'")
        .hasMessageContaining("key 'processing'")
        .hasMessageContaining("io/webhookkit/store/jdbc/migrate-0.1-to-0.2-h2.sql");
    // A sync endpoint keeps working on the 0.1 table.
    WebhookGuard.builder(EndpointConfig.builder("orders").provider("github").secrets("s").build())
        .idempotencyStore(unmigrated)
        .build();
    assertThatThrownBy(() -> JdbcIdempotencyStore.builder(old).createTableIfMissing(true).build())
        .hasMessageContaining("migrate-0.1-to-0.2-h2.sql");
  }

  @Test
  void version01sTableServesTheInboxAfterTheShippedMigration() throws Exception {
    JdbcDataSource old = new JdbcDataSource();
    old.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    try (Connection c = old.getConnection();
        Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE webhook_deliveries (delivery_key VARCHAR(330) NOT NULL PRIMARY KEY,"
              + " fingerprint VARCHAR(64) NOT NULL, state CHAR(1) NOT NULL, owner_token"
              + " VARCHAR(64) NOT NULL, status INTEGER NOT NULL, expires_at BIGINT NOT NULL)");
      s.execute(
          "INSERT INTO webhook_deliveries VALUES ('gh:old', 'fp', 'C', 't', 200, "
              + Long.MAX_VALUE
              + ")");
      String migration;
      try (InputStream in =
          JdbcIdempotencyStore.class.getResourceAsStream(
              "/io/webhookkit/store/jdbc/migrate-0.1-to-0.2-h2.sql")) {
        migration = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      for (String statement : migration.replaceAll("(?m)^--.*$", "").split(";")) {
        if (!statement.isBlank()) {
          s.execute(statement);
        }
      }
    }
    JdbcIdempotencyStore upgraded = JdbcIdempotencyStore.builder(old).inboxClock(clock).build();
    assertThat(upgraded.acquire("gh:old", "fp", LEASE)).isEqualTo(new Acquisition.Completed(200));
    InboxEntry e = new InboxEntry("gh:new", "gh", "push", "{}", new byte[] {7});
    assertThat(upgraded.enqueue(e, "fp", null)).isInstanceOf(Enqueued.Accepted.class);
    assertThat(upgraded.claimDue("gh", 5, LEASE))
        .singleElement()
        .satisfies(c -> assertThat(c.entry().body()).containsExactly(7));
  }
}

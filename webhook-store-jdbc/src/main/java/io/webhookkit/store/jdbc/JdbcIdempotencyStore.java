package io.webhookkit.store.jdbc;

import io.webhookkit.core.idempotency.Acquisition;
import io.webhookkit.core.idempotency.IdempotencyStore;
import io.webhookkit.core.idempotency.IdempotencyStoreException;
import io.webhookkit.core.idempotency.OwnerTokens;
import io.webhookkit.core.inbox.ClaimedEntry;
import io.webhookkit.core.inbox.DeadEntry;
import io.webhookkit.core.inbox.DeliveryInbox;
import io.webhookkit.core.inbox.Enqueued;
import io.webhookkit.core.inbox.InboxEntry;
import io.webhookkit.core.inbox.InboxStats;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * An idempotency store on PostgreSQL, MySQL/MariaDB or H2, through any {@link DataSource}.
 *
 * <p>Atomic across every process that shares the table: a delivery is claimed by inserting its key,
 * never by checking first (PostgreSQL {@code ON CONFLICT DO NOTHING}, MySQL {@code INSERT IGNORE},
 * H2 a duplicate-key error), so two instances never both acquire one delivery. A claim whose lease
 * expired is taken over by a conditional {@code UPDATE … WHERE expires_at <= now}; complete and
 * release are guarded by the owner token, so a stale holder cannot clobber a newer one. The first
 * delivery of an id costs one statement. Each operation runs on its own connection in auto-commit
 * (or is committed/rolled back itself when the pool hands out connections without auto-commit), so
 * a duplicate never leaves a failed transaction behind. Times come from the given {@link Clock}
 * (keep instances' clocks in sync). Expired rows are taken over when seen again; {@link
 * #purgeExpired()} deletes the rest (schedule it, e.g. hourly). Any {@link SQLException} becomes an
 * {@link IdempotencyStoreException}: the guard answers 503 and the provider retries. Thread-safe.
 *
 * <p>It is also the durable {@link DeliveryInbox} of {@code processing=deferred} and {@code auto}
 * (see {@code JdbcInbox}): the inbox columns of the same table hold each delivery's state,
 * attempts, next attempt time, lease and last error, and {@code <table>_body} its metadata and raw
 * body until it completes. Claims use {@code SELECT … FOR UPDATE SKIP LOCKED} (PostgreSQL, MySQL 8,
 * MariaDB 10.6+, H2 2.2+) in one short transaction; inbox times come from the database's clock
 * unless {@link Builder#inboxClock} gives one. {@link #completeWith} runs a {@code
 * transactional=true} handler inside the completion transaction ({@link JdbcInboxTransaction}).
 *
 * <p>The DDL ships as {@code schema-postgresql.sql}, {@code schema-mysql.sql} and {@code
 * schema-h2.sql} under {@code io/webhookkit/store/jdbc/}; {@link Builder#createTableIfMissing} runs
 * it at build time.
 */
public final class JdbcIdempotencyStore implements IdempotencyStore, DeliveryInbox {
  private static final Pattern TABLE =
      Pattern.compile("([A-Za-z_][A-Za-z0-9_]{0,62}\\.)?[A-Za-z_][A-Za-z0-9_]{0,62}");

  private final DataSource dataSource;
  private final Clock clock;
  private final OwnerTokens tokens = OwnerTokens.create();
  private final JdbcDialect dialect;
  private final String table;
  private final String insert;
  private final String takeOver;
  private final String select;
  private final String complete;
  private final String release;
  private final String purge;
  private final JdbcInbox inbox;
  private final @Nullable String inboxReady;

  private JdbcIdempotencyStore(Builder b, JdbcDialect dialect, boolean inboxReady) {
    this.dataSource = b.dataSource;
    this.clock = b.clock;
    this.dialect = dialect;
    this.table = b.table;
    this.insert = dialect.insert(table);
    this.takeOver =
        "UPDATE "
            + table
            + " SET fingerprint = ?, state = 'P', owner_token = ?, status = 0, expires_at = ?"
            + " WHERE delivery_key = ? AND expires_at <= ?";
    this.select =
        "SELECT fingerprint, state, status, expires_at FROM " + table + " WHERE delivery_key = ?";
    this.complete =
        "UPDATE "
            + table
            + " SET state = 'C', status = ?, expires_at = ?"
            + " WHERE delivery_key = ? AND owner_token = ? AND state = 'P' AND expires_at > ?";
    this.release =
        "DELETE FROM " + table + " WHERE delivery_key = ? AND owner_token = ? AND state = 'P'";
    this.purge = "DELETE FROM " + table + " WHERE expires_at <= ?";
    this.inbox = new JdbcInbox(b.dataSource, dialect, b.inboxClock, tokens, table);
    this.inboxReady = inboxReady ? null : b.migrationNeeded(dialect);
  }

  /** A builder over this data source. */
  public static Builder builder(DataSource dataSource) {
    return new Builder(dataSource);
  }

  /** The dialect in use. */
  public JdbcDialect dialect() {
    return dialect;
  }

  private interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  private <T> T withConnection(String operation, Work<T> work) {
    try (Connection c = dataSource.getConnection()) {
      if (c.getAutoCommit()) {
        return work.run(c);
      }
      try {
        T result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new IdempotencyStoreException(
          "JDBC idempotency store could not " + operation + " (SQLState " + e.getSQLState() + ")",
          e);
    }
  }

  @Override
  public Acquisition acquire(String key, String fingerprint, Duration lease) {
    return withConnection(
        "acquire",
        c -> {
          for (int attempt = 0; attempt < 3; attempt++) {
            long now = clock.millis();
            String token = tokens.next();
            if (tryInsert(c, key, fingerprint, token, now + lease.toMillis())) {
              return new Acquisition.Acquired(token);
            }
            try (PreparedStatement s = c.prepareStatement(takeOver)) {
              s.setString(1, fingerprint);
              s.setString(2, token);
              s.setLong(3, now + lease.toMillis());
              s.setString(4, key);
              s.setLong(5, now);
              if (s.executeUpdate() == 1) {
                return new Acquisition.Acquired(token);
              }
            }
            try (PreparedStatement s = c.prepareStatement(select)) {
              s.setString(1, key);
              try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                  continue; // released between our statements: try again
                }
                if (!rs.getString(1).equals(fingerprint)) {
                  return new Acquisition.FingerprintMismatch();
                }
                long expiresAt = rs.getLong(4);
                if (expiresAt <= now) {
                  continue; // expired between our statements: try again
                }
                if ("C".equals(rs.getString(2))) {
                  return new Acquisition.Completed(rs.getInt(3));
                }
                return new Acquisition.InProgress(Duration.ofMillis(expiresAt - now));
              }
            }
          }
          throw new SQLException("the delivery changed hands three times in a row", "40001");
        });
  }

  private boolean tryInsert(
      Connection c, String key, String fingerprint, String token, long expiresAt)
      throws SQLException {
    try (PreparedStatement s = c.prepareStatement(insert)) {
      s.setString(1, key);
      s.setString(2, fingerprint);
      s.setString(3, token);
      s.setLong(4, expiresAt);
      return s.executeUpdate() == 1;
    } catch (SQLException e) {
      if (dialect == JdbcDialect.H2 && isDuplicateKey(e)) {
        if (!c.getAutoCommit()) {
          c.rollback();
        }
        return false;
      }
      throw e;
    }
  }

  private static boolean isDuplicateKey(SQLException e) {
    return "23505".equals(e.getSQLState()) || e instanceof SQLIntegrityConstraintViolationException;
  }

  @Override
  public boolean complete(String key, String ownerToken, int status, Duration retention) {
    return withConnection(
        "complete",
        c -> {
          long now = clock.millis();
          try (PreparedStatement s = c.prepareStatement(complete)) {
            s.setInt(1, status);
            s.setLong(2, now + retention.toMillis());
            s.setString(3, key);
            s.setString(4, ownerToken);
            s.setLong(5, now);
            return s.executeUpdate() == 1;
          }
        });
  }

  @Override
  public boolean release(String key, String ownerToken) {
    return withConnection(
        "release",
        c -> {
          try (PreparedStatement s = c.prepareStatement(release)) {
            s.setString(1, key);
            s.setString(2, ownerToken);
            return s.executeUpdate() == 1;
          }
        });
  }

  /**
   * Refuses a deferred endpoint when the table has no inbox columns (a 0.1 table not migrated),
   * naming the migration script.
   */
  @Override
  public void prepare(String endpoint) {
    String problem = inboxReady;
    if (problem != null) {
      throw new IllegalStateException(problem);
    }
  }

  @Override
  public Enqueued enqueue(InboxEntry entry, String fingerprint, @Nullable Duration heldFor) {
    return inbox.enqueue(entry, fingerprint, heldFor);
  }

  @Override
  public List<ClaimedEntry> claimDue(String endpoint, int max, Duration lease) {
    return inbox.claimDue(endpoint, max, lease);
  }

  @Override
  public boolean heartbeat(String key, String ownerToken, Duration lease) {
    return inbox.heartbeat(key, ownerToken, lease);
  }

  @Override
  public boolean completeDelivery(String key, String ownerToken, int status, Duration retention) {
    return inbox.complete(key, ownerToken, status, retention);
  }

  @Override
  public boolean completeWith(
      String key, String ownerToken, int status, Duration retention, TransactionalWork work)
      throws Exception {
    return inbox.completeWith(key, ownerToken, status, retention, work);
  }

  @Override
  public boolean joinsTransactions() {
    return true;
  }

  @Override
  public boolean retry(String key, String ownerToken, Duration delay, String error) {
    return inbox.retry(key, ownerToken, delay, error);
  }

  @Override
  public boolean dead(String key, String ownerToken, String error) {
    return inbox.dead(key, ownerToken, error);
  }

  @Override
  public List<DeadEntry> listDead(String endpoint, int max) {
    return inbox.listDead(endpoint, max);
  }

  @Override
  public boolean replay(String key) {
    return inbox.replay(key);
  }

  @Override
  public int replayDead(String endpoint) {
    return inbox.replayDead(endpoint);
  }

  @Override
  public InboxStats stats(String endpoint) {
    return inbox.stats(endpoint);
  }

  /** Deletes every expired row; returns how many. */
  public int purgeExpired() {
    return withConnection(
        "purge",
        c -> {
          try (PreparedStatement s = c.prepareStatement(purge)) {
            s.setLong(1, clock.millis());
            return s.executeUpdate();
          }
        });
  }

  @Override
  public String toString() {
    return "JdbcIdempotencyStore[" + dialect + ", " + table + "]";
  }

  /** Builds the store; not thread-safe. */
  public static final class Builder {
    private final DataSource dataSource;
    private Clock clock = Clock.systemUTC();
    private @Nullable Clock inboxClock;
    private String table = "webhook_deliveries";
    private @Nullable JdbcDialect dialect;
    private boolean createTableIfMissing;

    private Builder(DataSource dataSource) {
      this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /** The clock for leases and retention (default: system UTC). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * The clock for the inbox's leases and due times. Default: none, the database's own clock, one
     * clock for every instance sharing the table (keep it so in production; tests set one).
     */
    public Builder inboxClock(Clock clock) {
      this.inboxClock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** The table (default {@code webhook_deliveries}; {@code schema.table} allowed). */
    public Builder table(String table) {
      if (!TABLE.matcher(table).matches()) {
        throw new IllegalArgumentException("'" + table + "' is not a plain table name");
      }
      this.table = table;
      return this;
    }

    /** The dialect (default: detected from the database's product name). */
    public Builder dialect(JdbcDialect dialect) {
      this.dialect = dialect;
      return this;
    }

    /** Whether to run the shipped DDL at build time (default false: own your schema). */
    public Builder createTableIfMissing(boolean create) {
      this.createTableIfMissing = create;
      return this;
    }

    /**
     * The store; detects the dialect and creates the table when asked.
     *
     * @throws IdempotencyStoreException when the database cannot be reached at start-up
     */
    public JdbcIdempotencyStore build() {
      try (Connection c = dataSource.getConnection()) {
        JdbcDialect d =
            dialect != null
                ? dialect
                : JdbcDialect.forProduct(c.getMetaData().getDatabaseProductName());
        if (createTableIfMissing) {
          try {
            createTable(c, d);
          } catch (SQLException e) {
            if (!hasInboxColumns(c)) {
              throw new IdempotencyStoreException(migrationNeeded(d), e);
            }
            throw e;
          }
        }
        return new JdbcIdempotencyStore(this, d, hasInboxColumns(c));
      } catch (SQLException e) {
        throw new IdempotencyStoreException(
            "JDBC idempotency store could not start (SQLState " + e.getSQLState() + ")", e);
      }
    }

    /** Whether the table has 0.2's inbox columns and body table (a 0.1 table has neither). */
    private boolean hasInboxColumns(Connection c) throws SQLException {
      try (Statement s = c.createStatement()) {
        s.executeQuery(
                "SELECT endpoint, next_attempt_at, lease_until FROM " + table + " WHERE 1 = 0")
            .close();
        s.executeQuery("SELECT delivery_key, body FROM " + table + "_body WHERE 1 = 0").close();
        return true;
      } catch (SQLException missing) {
        if (!c.getAutoCommit()) {
          c.rollback();
        }
        return false;
      }
    }

    private String migrationNeeded(JdbcDialect d) {
      return "table "
          + table
          + " lacks the deferred inbox's columns (made by 0.1?): run "
          + d.schemaResource().replace("schema-", "migrate-0.1-to-0.2-").substring(1)
          + " once (docs/stores.md)";
    }

    private void createTable(Connection c, JdbcDialect d) throws SQLException {
      String ddl;
      try (InputStream in = JdbcIdempotencyStore.class.getResourceAsStream(d.schemaResource())) {
        ddl =
            new String(
                Objects.requireNonNull(in, d.schemaResource()).readAllBytes(),
                StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new SQLException("cannot read " + d.schemaResource(), e);
      }
      String simpleName = table.substring(table.indexOf('.') + 1);
      ddl =
          ddl.replace("webhook_deliveries_expires_at", "@INDEX@")
              .replace("webhook_deliveries_due", "@DUE@")
              .replace("webhook_deliveries", table)
              .replace("@INDEX@", simpleName + "_expires_at")
              .replace("@DUE@", simpleName + "_due");
      boolean auto = c.getAutoCommit();
      c.setAutoCommit(true);
      try (Statement s = c.createStatement()) {
        for (String statement : ddl.split(";", -1)) {
          if (!statement.isBlank()) {
            s.execute(statement);
          }
        }
      } finally {
        c.setAutoCommit(auto);
      }
    }
  }
}

package io.webhookkit.store.jdbc;

import io.webhookkit.core.idempotency.IdempotencyStoreException;
import io.webhookkit.core.idempotency.OwnerTokens;
import io.webhookkit.core.inbox.ClaimedEntry;
import io.webhookkit.core.inbox.DeadEntry;
import io.webhookkit.core.inbox.DeliveryInbox;
import io.webhookkit.core.inbox.DeliveryState;
import io.webhookkit.core.inbox.Enqueued;
import io.webhookkit.core.inbox.InboxEntry;
import io.webhookkit.core.inbox.InboxStats;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * The inbox half of {@link JdbcIdempotencyStore}: the state row (narrow, updated a few times per
 * delivery) in the store's table, the body and metadata in {@code <table>_body} (written once,
 * deleted at completion, so state updates never rewrite it). Enqueue is one transaction (insert the
 * state row if the key is new, then the body); a claim is one short transaction ({@code SELECT …
 * FOR UPDATE SKIP LOCKED}, then the update and the bodies), never holding a lock while a handler
 * runs. Times are the database's own clock ({@link JdbcDialect#nowMillis()}) unless a clock was
 * given. Thread-safe.
 */
final class JdbcInbox {
  /** Marks where statements read the clock. */
  private static final String NOW = "{now}";

  private final DataSource dataSource;
  private final JdbcDialect dialect;
  private final @Nullable Clock clock;
  private final OwnerTokens tokens;
  private final String table;
  private final String bodies;

  JdbcInbox(
      DataSource dataSource,
      JdbcDialect dialect,
      @Nullable Clock clock,
      OwnerTokens tokens,
      String table) {
    this.dataSource = dataSource;
    this.dialect = dialect;
    this.clock = clock;
    this.tokens = tokens;
    this.table = table;
    this.bodies = table + "_body";
  }

  /** A statement with {@code {now}} replaced by the database clock, or bound to the given one. */
  private PreparedStatement prepare(Connection c, String template, @Nullable Object... args)
      throws SQLException {
    String sql =
        template.replace(
            NOW, clock == null ? "(" + dialect.nowMillis() + ")" : dialect.millisParameter());
    PreparedStatement s = c.prepareStatement(sql);
    try {
      int arg = 0;
      int slot = 1;
      long now = clock == null ? 0 : clock.millis();
      for (int i = 0; i < template.length(); i++) {
        if (template.startsWith(NOW, i)) {
          if (clock != null) {
            s.setLong(slot++, now);
          }
          i += NOW.length() - 1;
        } else if (template.charAt(i) == '?') {
          bind(s, slot++, args[arg++]);
        }
      }
      return s;
    } catch (SQLException | RuntimeException e) {
      s.close();
      throw e;
    }
  }

  private static void bind(PreparedStatement s, int slot, @Nullable Object value)
      throws SQLException {
    if (value == null) {
      s.setNull(slot, Types.VARCHAR);
    } else if (value instanceof String v) {
      s.setString(slot, v);
    } else if (value instanceof Long v) {
      s.setLong(slot, v);
    } else if (value instanceof Integer v) {
      s.setInt(slot, v);
    } else if (value instanceof byte[] v) {
      s.setBytes(slot, v);
    } else {
      throw new IllegalArgumentException("cannot bind " + value.getClass());
    }
  }

  interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  /**
   * Runs work in one transaction on its own connection; a deadlock or serialization failure (two
   * claimers racing on MySQL/MariaDB, PostgreSQL's 40P01) is tried again, up to four times. On
   * MySQL/MariaDB the transaction runs in READ COMMITTED, without InnoDB's gap locks.
   */
  <T> T transaction(String operation, Work<T> work) {
    for (int attempt = 1; ; attempt++) {
      try (Connection c = dataSource.getConnection()) {
        boolean auto = c.getAutoCommit();
        int isolation = c.getTransactionIsolation();
        boolean relax =
            dialect == JdbcDialect.MYSQL && isolation > Connection.TRANSACTION_READ_COMMITTED;
        if (relax) {
          c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
        }
        c.setAutoCommit(false);
        try {
          T result = work.run(c);
          c.commit();
          return result;
        } catch (SQLException | RuntimeException e) {
          c.rollback();
          throw e;
        } finally {
          c.setAutoCommit(auto);
          if (relax) {
            c.setTransactionIsolation(isolation);
          }
        }
      } catch (SQLException e) {
        if (attempt < 5 && isTransient(e)) {
          continue;
        }
        throw failed(operation, e);
      }
    }
  }

  private static boolean isTransient(SQLException e) {
    String state = e.getSQLState();
    return "40001".equals(state) || "40P01".equals(state) || e.getErrorCode() == 1213;
  }

  static IdempotencyStoreException failed(String operation, SQLException e) {
    return new IdempotencyStoreException(
        "JDBC inbox could not " + operation + " (SQLState " + e.getSQLState() + ")", e);
  }

  private int update(Connection c, String template, @Nullable Object... args) throws SQLException {
    try (PreparedStatement s = prepare(c, template, args)) {
      return s.executeUpdate();
    }
  }

  Enqueued enqueue(InboxEntry entry, String fingerprint, @Nullable Duration heldFor) {
    String token = heldFor == null ? "" : tokens.next();
    String state = heldFor == null ? "Q" : "P";
    int attempts = heldFor == null ? 0 : 1;
    long lease = heldFor == null ? 0 : heldFor.toMillis();
    return transaction(
        "enqueue",
        c -> {
          for (int round = 0; round < 3; round++) {
            if (insert(c, entry, fingerprint, token, state, attempts, lease)) {
              insertBody(c, entry);
              return new Enqueued.Accepted(token);
            }
            try (PreparedStatement s =
                prepare(
                    c,
                    "SELECT fingerprint, state, status, expires_at, "
                        + NOW
                        + " FROM "
                        + table
                        + " WHERE delivery_key = ?",
                    entry.key())) {
              try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                  continue; // released between our statements: try again
                }
                long expiresAt = rs.getLong(4);
                long now = rs.getLong(5);
                if (expiresAt <= now) {
                  if (takeOver(c, entry, fingerprint, token, state, attempts, lease)) {
                    return new Enqueued.Accepted(token);
                  }
                  continue;
                }
                if (!rs.getString(1).equals(fingerprint)) {
                  return new Enqueued.FingerprintMismatch();
                }
                DeliveryState found = DeliveryState.ofCode(rs.getString(2).charAt(0));
                return found == DeliveryState.COMPLETED
                    ? new Enqueued.Completed(rs.getInt(3))
                    : new Enqueued.Pending(found);
              }
            }
          }
          throw new SQLException("the delivery changed hands three times in a row", "40001");
        });
  }

  private boolean insert(
      Connection c,
      InboxEntry e,
      String fingerprint,
      String token,
      String state,
      int attempts,
      long lease)
      throws SQLException {
    try {
      return update(
              c,
              dialect.insertInbox(table),
              e.key(),
              fingerprint,
              state,
              token,
              e.endpoint(),
              e.eventType(),
              attempts,
              lease)
          == 1;
    } catch (SQLException ex) {
      if (dialect == JdbcDialect.H2
          && ("23505".equals(ex.getSQLState())
              || ex instanceof SQLIntegrityConstraintViolationException)) {
        return false;
      }
      throw ex;
    }
  }

  private boolean takeOver(
      Connection c,
      InboxEntry e,
      String fingerprint,
      String token,
      String state,
      int attempts,
      long lease)
      throws SQLException {
    int n =
        update(
            c,
            "UPDATE "
                + table
                + " SET fingerprint = ?, state = ?, owner_token = ?, status = 0, expires_at = "
                + Long.MAX_VALUE
                + ", endpoint = ?, event_type = ?, attempts = ?, next_attempt_at = "
                + NOW
                + ", lease_until = "
                + NOW
                + " + ?, received_at = "
                + NOW
                + ", last_error = NULL WHERE delivery_key = ? AND expires_at <= "
                + NOW,
            fingerprint,
            state,
            token,
            e.endpoint(),
            e.eventType(),
            attempts,
            lease,
            e.key());
    if (n != 1) {
      return false;
    }
    update(c, "DELETE FROM " + bodies + " WHERE delivery_key = ?", e.key());
    insertBody(c, e);
    return true;
  }

  private void insertBody(Connection c, InboxEntry e) throws SQLException {
    update(
        c,
        "INSERT INTO " + bodies + " (delivery_key, metadata, body) VALUES (?, ?, ?)",
        e.key(),
        e.metadata(),
        e.body());
  }

  List<ClaimedEntry> claimDue(String endpoint, int max, Duration lease) {
    if (max <= 0) {
      return List.of();
    }
    String token = tokens.next();
    return transaction(
        "claim",
        c -> {
          List<String> keys = new ArrayList<>();
          try (PreparedStatement s =
              prepare(
                  c,
                  "SELECT delivery_key FROM "
                      + table
                      + " WHERE endpoint = ? AND ((state IN ('Q', 'R') AND next_attempt_at <= "
                      + NOW
                      + ") OR (state = 'P' AND lease_until <= "
                      + NOW
                      + ")) ORDER BY next_attempt_at LIMIT ? FOR UPDATE SKIP LOCKED",
                  endpoint,
                  max)) {
            try (ResultSet rs = s.executeQuery()) {
              while (rs.next()) {
                keys.add(rs.getString(1));
              }
            }
          }
          if (keys.isEmpty()) {
            return List.of();
          }
          String in = String.join(", ", Collections.nCopies(keys.size(), "?"));
          List<@Nullable Object> args = new ArrayList<>();
          args.add(token);
          args.add(lease.toMillis());
          args.addAll(keys);
          update(
              c,
              "UPDATE "
                  + table
                  + " SET state = 'P', owner_token = ?, lease_until = "
                  + NOW
                  + " + ?, attempts = attempts + 1 WHERE delivery_key IN ("
                  + in
                  + ")",
              args.toArray());
          Map<String, ClaimedEntry> claimed = new LinkedHashMap<>();
          try (PreparedStatement s =
              prepare(
                  c,
                  "SELECT s.delivery_key, s.event_type, s.attempts, s.received_at, b.metadata,"
                      + " b.body FROM "
                      + table
                      + " s JOIN "
                      + bodies
                      + " b ON b.delivery_key = s.delivery_key WHERE s.delivery_key IN ("
                      + in
                      + ")",
                  keys.toArray())) {
            try (ResultSet rs = s.executeQuery()) {
              while (rs.next()) {
                String key = rs.getString(1);
                claimed.put(
                    key,
                    new ClaimedEntry(
                        new InboxEntry(
                            key, endpoint, rs.getString(2), rs.getString(5), rs.getBytes(6)),
                        token,
                        rs.getInt(3),
                        Instant.ofEpochMilli(rs.getLong(4))));
              }
            }
          }
          List<ClaimedEntry> ordered = new ArrayList<>();
          for (String key : keys) {
            ClaimedEntry e = claimed.get(key);
            if (e != null) {
              ordered.add(e);
            }
          }
          return ordered;
        });
  }

  /** One statement in its own transaction; how many rows it changed. */
  private int updateAlone(String operation, String template, @Nullable Object... args) {
    return transaction(operation, c -> update(c, template, args));
  }

  boolean heartbeat(String key, String token, Duration lease) {
    return updateAlone(
            "heartbeat",
            "UPDATE "
                + table
                + " SET lease_until = "
                + NOW
                + " + ? WHERE delivery_key = ? AND owner_token = ? AND state = 'P'",
            lease.toMillis(),
            key,
            token)
        == 1;
  }

  /** The completion on a connection whose transaction the caller owns. */
  boolean complete(Connection c, String key, String token, int status, Duration retention)
      throws SQLException {
    int n =
        update(
            c,
            "UPDATE "
                + table
                + " SET state = 'C', status = ?, owner_token = '', lease_until = NULL,"
                + " next_attempt_at = NULL, expires_at = "
                + NOW
                + " + ? WHERE delivery_key = ? AND owner_token = ? AND state = 'P'",
            status,
            retention.toMillis(),
            key,
            token);
    if (n != 1) {
      return false;
    }
    update(c, "DELETE FROM " + bodies + " WHERE delivery_key = ?", key);
    return true;
  }

  boolean complete(String key, String token, int status, Duration retention) {
    return transaction("complete", c -> complete(c, key, token, status, retention));
  }

  boolean retry(String key, String token, Duration delay, String error) {
    return updateAlone(
            "retry",
            "UPDATE "
                + table
                + " SET state = 'R', owner_token = '', lease_until = NULL, next_attempt_at = "
                + NOW
                + " + ?, last_error = ? WHERE delivery_key = ? AND owner_token = ? AND"
                + " state = 'P'",
            delay.toMillis(),
            clip(error),
            key,
            token)
        == 1;
  }

  boolean dead(String key, String token, String error) {
    return updateAlone(
            "mark dead",
            "UPDATE "
                + table
                + " SET state = 'D', owner_token = '', lease_until = NULL,"
                + " next_attempt_at = NULL, last_error = ? WHERE delivery_key = ? AND"
                + " owner_token = ? AND state = 'P'",
            clip(error),
            key,
            token)
        == 1;
  }

  private static String clip(String error) {
    return error.length() > 1000 ? error.substring(0, 1000) : error;
  }

  List<DeadEntry> listDead(String endpoint, int max) {
    return transaction(
        "list dead deliveries",
        c -> {
          List<DeadEntry> out = new ArrayList<>();
          try (PreparedStatement s =
              prepare(
                  c,
                  "SELECT delivery_key, event_type, attempts, last_error, received_at FROM "
                      + table
                      + " WHERE endpoint = ? AND state = 'D' ORDER BY received_at LIMIT ?",
                  endpoint,
                  max)) {
            try (ResultSet rs = s.executeQuery()) {
              while (rs.next()) {
                out.add(
                    new DeadEntry(
                        rs.getString(1),
                        endpoint,
                        rs.getString(2),
                        rs.getInt(3),
                        rs.getString(4),
                        Instant.ofEpochMilli(rs.getLong(5))));
              }
            }
          }
          return out;
        });
  }

  boolean replay(String key) {
    return updateAlone(
            "replay",
            "UPDATE "
                + table
                + " SET state = 'Q', attempts = 0, next_attempt_at = "
                + NOW
                + " WHERE delivery_key = ? AND state = 'D'",
            key)
        == 1;
  }

  int replayDead(String endpoint) {
    return updateAlone(
        "replay",
        "UPDATE "
            + table
            + " SET state = 'Q', attempts = 0, next_attempt_at = "
            + NOW
            + " WHERE endpoint = ? AND state = 'D'",
        endpoint);
  }

  InboxStats stats(String endpoint) {
    return transaction(
        "count",
        c -> {
          long[] counts = new long[4];
          long oldest = Long.MAX_VALUE;
          long now = 0;
          try (PreparedStatement s =
              prepare(
                  c,
                  "SELECT state, COUNT(*), MIN(CASE WHEN state IN ('Q', 'R') AND next_attempt_at"
                      + " <= "
                      + NOW
                      + " THEN next_attempt_at END), MAX("
                      + NOW
                      + ") FROM "
                      + table
                      + " WHERE endpoint = ? AND state IN ('Q', 'R', 'P', 'D') GROUP BY state",
                  endpoint)) {
            try (ResultSet rs = s.executeQuery()) {
              while (rs.next()) {
                int i = "QRPD".indexOf(rs.getString(1).charAt(0));
                counts[i] = rs.getLong(2);
                long min = rs.getLong(3);
                if (!rs.wasNull()) {
                  oldest = Math.min(oldest, min);
                }
                now = rs.getLong(4);
              }
            }
          }
          return new InboxStats(
              counts[0],
              counts[1],
              counts[2],
              counts[3],
              oldest == Long.MAX_VALUE
                  ? Duration.ZERO
                  : Duration.ofMillis(Math.max(0, now - oldest)));
        });
  }

  /** Runs the handler's work and the completion in one transaction; see {@link DeliveryInbox}. */
  boolean completeWith(
      String key,
      String token,
      int status,
      Duration retention,
      DeliveryInbox.TransactionalWork work)
      throws Exception {
    Connection c;
    try {
      c = dataSource.getConnection();
    } catch (SQLException e) {
      throw failed("open the handler's transaction", e);
    }
    try (c) {
      boolean auto = c.getAutoCommit();
      c.setAutoCommit(false);
      try {
        JdbcInboxTransaction.begin(c);
        try {
          work.run();
        } finally {
          JdbcInboxTransaction.end();
        }
        if (!complete(c, key, token, status, retention)) {
          c.rollback(); // lost the delivery meanwhile: its effects must not commit
          return false;
        }
        c.commit();
        return true;
      } catch (Exception e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(auto);
      }
    }
  }
}

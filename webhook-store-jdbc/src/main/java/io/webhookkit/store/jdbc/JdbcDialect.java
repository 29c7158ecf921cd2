package io.webhookkit.store.jdbc;

import java.util.Locale;

/** The databases the JDBC store knows, and how each inserts only when the key is new. */
public enum JdbcDialect {
  /** PostgreSQL: {@code INSERT … ON CONFLICT DO NOTHING} (no error, no aborted transaction). */
  POSTGRESQL("postgresql"),
  /** MySQL and MariaDB: {@code INSERT IGNORE} on the primary key. */
  MYSQL("mysql"),
  /**
   * H2 (and any other database): a plain insert whose duplicate-key error means "already there".
   */
  H2("h2");

  private final String schemaName;

  JdbcDialect(String schemaName) {
    this.schemaName = schemaName;
  }

  /** The shipped DDL resource for this dialect. */
  public String schemaResource() {
    return "/io/webhookkit/store/jdbc/schema-" + schemaName + ".sql";
  }

  /** The dialect for a JDBC {@code DatabaseMetaData.getDatabaseProductName()}. */
  public static JdbcDialect forProduct(String productName) {
    String p = productName.toLowerCase(Locale.ROOT);
    if (p.contains("postgres")) {
      return POSTGRESQL;
    }
    if (p.contains("mysql") || p.contains("mariadb")) {
      return MYSQL;
    }
    return H2;
  }

  String insert(String table) {
    String columns =
        table
            + " (delivery_key, fingerprint, state, owner_token, status, expires_at) VALUES (?, ?, 'P', ?, 0, ?)";
    return switch (this) {
      case POSTGRESQL -> "INSERT INTO " + columns + " ON CONFLICT (delivery_key) DO NOTHING";
      case MYSQL -> "INSERT IGNORE INTO " + columns;
      default -> "INSERT INTO " + columns;
    };
  }

  /** The database's own clock in epoch milliseconds, as an SQL expression (leases, due times). */
  String nowMillis() {
    return switch (this) {
      case POSTGRESQL -> "CAST(EXTRACT(EPOCH FROM CLOCK_TIMESTAMP()) * 1000 AS BIGINT)";
      case MYSQL -> "CAST(UNIX_TIMESTAMP(NOW(3)) * 1000 AS SIGNED)";
      default ->
          "DATEDIFF(MILLISECOND, TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00+00',"
              + " CURRENT_TIMESTAMP)";
    };
  }

  /** A bound epoch-milliseconds parameter, typed so that arithmetic on it works. */
  String millisParameter() {
    return this == MYSQL ? "CAST(? AS SIGNED)" : "CAST(? AS BIGINT)";
  }

  /** Inserts an inbox row only when the key is new ({@code {now}} marks the clock). */
  String insertInbox(String table) {
    String columns =
        table
            + " (delivery_key, fingerprint, state, owner_token, status, expires_at, endpoint,"
            + " event_type, attempts, next_attempt_at, lease_until, received_at)"
            + " VALUES (?, ?, ?, ?, 0, "
            + Long.MAX_VALUE
            + ", ?, ?, ?, {now}, {now} + ?, {now})";
    return switch (this) {
      case POSTGRESQL -> "INSERT INTO " + columns + " ON CONFLICT (delivery_key) DO NOTHING";
      case MYSQL -> "INSERT IGNORE INTO " + columns;
      default -> "INSERT INTO " + columns;
    };
  }
}

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
}

package io.webhookkit.store.jdbc;

import java.sql.Connection;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The transaction a deferred handler runs in when its endpoint sets {@code transactional=true} on
 * the JDBC store: writes made on {@link #connection()} commit together with the delivery's
 * completion, or not at all (the handler threw, or the delivery's lease was lost to another worker)
 * — so a database side effect happens exactly once. Do not commit, roll back or close the
 * connection; the store does.
 *
 * <pre>{@code
 * WebhookHandler handler = event -> {
 *   try (PreparedStatement s = JdbcInboxTransaction.connection()
 *       .prepareStatement("INSERT INTO invoices_paid (id) VALUES (?)")) {
 *     s.setString(1, event.deliveryId().orElseThrow());
 *     s.executeUpdate();
 *   }
 * };
 * }</pre>
 */
public final class JdbcInboxTransaction {
  private static final ThreadLocal<@Nullable Connection> CURRENT = new ThreadLocal<>();

  private JdbcInboxTransaction() {}

  static void begin(Connection c) {
    CURRENT.set(c);
  }

  static void end() {
    CURRENT.remove();
  }

  /** The current handler's transaction, if it runs in one. */
  public static Optional<Connection> current() {
    return Optional.ofNullable(CURRENT.get());
  }

  /**
   * The current handler's transaction.
   *
   * @throws IllegalStateException outside a transactional handler
   */
  public static Connection connection() {
    Connection c = CURRENT.get();
    if (c == null) {
      throw new IllegalStateException(
          "no inbox transaction: this handler's endpoint does not set transactional=true, or it"
              + " runs outside the worker");
    }
    return c;
  }
}

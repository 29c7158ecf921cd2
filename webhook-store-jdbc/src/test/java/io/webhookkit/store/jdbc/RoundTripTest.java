package io.webhookkit.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.webhookkit.core.idempotency.Acquisition;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** Counts the statements each operation sends: a first delivery is claimed in one round trip. */
class RoundTripTest {
  private final AtomicInteger statements = new AtomicInteger();

  private DataSource counting(DataSource real) {
    return (DataSource)
        Proxy.newProxyInstance(
            getClass().getClassLoader(),
            new Class<?>[] {DataSource.class},
            (p, m, args) -> {
              Object result = invoke(m, real, args);
              return m.getName().equals("getConnection")
                  ? countingConnection((Connection) result)
                  : result;
            });
  }

  private Connection countingConnection(Connection real) {
    return (Connection)
        Proxy.newProxyInstance(
            getClass().getClassLoader(),
            new Class<?>[] {Connection.class},
            (p, m, args) -> {
              Object result = invoke(m, real, args);
              return result instanceof PreparedStatement
                  ? countingStatement((PreparedStatement) result)
                  : result;
            });
  }

  private PreparedStatement countingStatement(PreparedStatement real) {
    InvocationHandler h =
        (p, m, args) -> {
          if (m.getName().startsWith("execute")) {
            statements.incrementAndGet();
          }
          return invoke(m, real, args);
        };
    return (PreparedStatement)
        Proxy.newProxyInstance(
            getClass().getClassLoader(), new Class<?>[] {PreparedStatement.class}, h);
  }

  private static Object invoke(java.lang.reflect.Method m, Object target, Object[] args)
      throws Throwable {
    try {
      return m.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  @Test
  void aFirstDeliveryIsOneStatementAndCompleteIsOne() {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:roundtrips;DB_CLOSE_DELAY=-1");
    JdbcIdempotencyStore store =
        JdbcIdempotencyStore.builder(counting(h2)).createTableIfMissing(true).build();
    statements.set(0);

    Acquisition a = store.acquire("e:1", "fp", Duration.ofMinutes(1));
    int acquire = statements.getAndSet(0);
    store.complete("e:1", ((Acquisition.Acquired) a).ownerToken(), 200, Duration.ofDays(1));
    int complete = statements.getAndSet(0);

    assertThat(acquire).isEqualTo(1);
    assertThat(complete).isEqualTo(1);
  }
}

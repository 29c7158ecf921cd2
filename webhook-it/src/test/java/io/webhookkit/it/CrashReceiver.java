package io.webhookkit.it;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.webhookkit.core.WebhookEvent;
import io.webhookkit.core.WebhookHandler;
import io.webhookkit.core.idempotency.IdempotencyStore;
import io.webhookkit.core.inbox.DeliveryInbox;
import io.webhookkit.servlet.WebhookFilter;
import io.webhookkit.servlet.WebhookInboxListener;
import io.webhookkit.store.jdbc.JdbcIdempotencyStore;
import io.webhookkit.store.jdbc.JdbcInboxTransaction;
import io.webhookkit.store.redis.RedisIdempotencyStore;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import javax.sql.DataSource;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * The receiving application of {@link InboxCrashTest}, run in a JVM of its own: Jetty with a
 * deferred {@code standard-webhooks} endpoint on the JDBC inbox (PostgreSQL), whose handler records
 * every run and its side effect. When asked to crash at a point, the thread that reaches it the
 * n-th time prints {@code CRASH-POINT <point>} and stops there; the test then kills this JVM with
 * SIGKILL. Points: {@code claim} (a worker claimed deliveries), {@code before-answer} (the delivery
 * is in the inbox, its 202 not yet written), {@code after-answer} (the 202 was sent), {@code
 * handler} (inside the handler, before its effect), {@code after-handler} (the effect is done, the
 * completion not).
 *
 * <p>Arguments: http port, PostgreSQL port, crash point or {@code none}, n, transactional, and the
 * inbox: {@code postgresql}, or {@code redis:<port>} (runs and effects are recorded in PostgreSQL
 * either way).
 */
public final class CrashReceiver {
  private static String point = "none";
  private static final AtomicInteger COUNTDOWN = new AtomicInteger(Integer.MAX_VALUE);

  private CrashReceiver() {}

  /** Stops this thread here for good if this is the chosen point's n-th visit. */
  static void reach(String here) {
    if (point.equals(here) && COUNTDOWN.decrementAndGet() == 0) {
      System.out.println("CRASH-POINT " + here);
      System.out.flush();
      while (true) {
        LockSupport.park(); // until SIGKILL
      }
    }
  }

  public static void main(String[] args) throws Exception {
    int httpPort = Integer.parseInt(args[0]);
    int pgPort = Integer.parseInt(args[1]);
    point = args[2];
    COUNTDOWN.set(Integer.parseInt(args[3]));
    boolean transactional = Boolean.parseBoolean(args[4]);

    HikariConfig hc = new HikariConfig();
    hc.setJdbcUrl("jdbc:postgresql://127.0.0.1:" + pgPort + "/postgres");
    hc.setUsername("postgres");
    hc.setMaximumPoolSize(12);
    hc.setConnectionTimeout(1000);
    hc.setInitializationFailTimeout(-1);
    DataSource ds = new HikariDataSource(hc);
    Object store =
        args.length > 5 && args[5].startsWith("redis:")
            ? RedisIdempotencyStore.connect(
                "redis://127.0.0.1:" + args[5].substring(6), "webhook:", Clock.systemUTC())
            : JdbcIdempotencyStore.builder(ds).build();

    ServletContextHandler context = new ServletContextHandler("/");
    context.setInitParameter("webhook.inbox.poll", "50ms");
    context.setInitParameter("webhook.inbox.workers", "4");
    context.setInitParameter("webhook.inbox.shutdown-grace", "1s");
    context.setAttribute(WebhookFilter.STORE_ATTRIBUTE, crashingAfterClaims(store));
    context.addEventListener(new WebhookInboxListener());
    FilterHolder answers = new FilterHolder(new AnswerPoints());
    context.addFilter(answers, "/hooks/*", EnumSet.of(DispatcherType.REQUEST));
    FilterHolder filter = new FilterHolder(new WebhookFilter(handler(ds, transactional)));
    filter.setName("orders");
    filter.setInitParameters(
        Map.of(
            "provider", "standard-webhooks",
            "secrets", Instances.SECRET,
            "processing", "deferred",
            "transactional", Boolean.toString(transactional),
            "idempotency.lease", "2s",
            "retry.schedule", "100ms,200ms,400ms",
            "retry.max-attempts", "20"));
    context.addFilter(filter, "/hooks/orders", EnumSet.of(DispatcherType.REQUEST));

    Server server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(httpPort);
    server.addConnector(connector);
    server.setHandler(context);
    server.start();
    System.out.println("READY pid=" + ProcessHandle.current().pid());
    System.out.flush();
    server.join();
  }

  /** The handler: a run row always, then the effect (in the inbox transaction when asked). */
  private static WebhookHandler handler(DataSource ds, boolean transactional) {
    return (WebhookEvent event) -> {
      String id = event.deliveryId().orElseThrow();
      try (Connection c = ds.getConnection();
          PreparedStatement s =
              c.prepareStatement("INSERT INTO runs (delivery, pid) VALUES (?, ?)")) {
        s.setString(1, id);
        s.setLong(2, ProcessHandle.current().pid());
        s.executeUpdate();
      }
      reach("handler");
      if (transactional) {
        effect(JdbcInboxTransaction.connection(), id);
      } else {
        try (Connection c = ds.getConnection()) {
          effect(c, id);
        }
      }
      reach("after-handler");
    };
  }

  private static void effect(Connection c, String id) throws Exception {
    try (PreparedStatement s =
        c.prepareStatement("INSERT INTO effects (delivery, pid) VALUES (?, ?)")) {
      s.setString(1, id);
      s.setLong(2, ProcessHandle.current().pid());
      s.executeUpdate();
    }
  }

  /** The store, stopping a worker thread right after a claim that returned deliveries. */
  private static Object crashingAfterClaims(Object store) {
    return Proxy.newProxyInstance(
        CrashReceiver.class.getClassLoader(),
        new Class<?>[] {IdempotencyStore.class, DeliveryInbox.class},
        (proxy, method, args) -> {
          Object result;
          try {
            result = method.invoke(store, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
          if (method.getName().equals("claimDue") && !((List<?>) result).isEmpty()) {
            reach("claim");
          }
          return result;
        });
  }

  /** Stops the request thread before its 202 is written, or right after it was sent. */
  private static final class AnswerPoints implements Filter {
    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
        throws IOException, jakarta.servlet.ServletException {
      HttpServletResponse response = (HttpServletResponse) res;
      HttpServletResponseWrapper wrapped =
          new HttpServletResponseWrapper(response) {
            @Override
            public void flushBuffer() throws IOException {
              if (getStatus() == 202) {
                reach("before-answer");
              }
              super.flushBuffer();
            }
          };
      chain.doFilter(req, wrapped);
      if (response.getStatus() == 202 && response.isCommitted()) {
        reach("after-answer");
      }
    }
  }
}

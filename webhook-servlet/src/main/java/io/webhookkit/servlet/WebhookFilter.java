package io.webhookkit.servlet;

import io.webhookkit.core.ConfigSource;
import io.webhookkit.core.Decision;
import io.webhookkit.core.EndpointConfig;
import io.webhookkit.core.WebhookEvent;
import io.webhookkit.core.WebhookGuard;
import io.webhookkit.core.WebhookListener;
import io.webhookkit.core.WebhookRequest;
import io.webhookkit.core.adapter.BoundedBody;
import io.webhookkit.core.idempotency.IdempotencyStore;
import io.webhookkit.core.idempotency.IdempotencyStores;
import io.webhookkit.core.idempotency.StoreSettings;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * Guards the requests it is mapped to with a {@link WebhookGuard}: refusals, handshakes and
 * duplicates are answered here; a verified delivery goes down the chain with its {@link
 * WebhookEvent} as the request attribute {@value WebhookEvent#ATTRIBUTE}, and the body replayed
 * byte for byte ({@code getInputStream()}, {@code getReader()}, and {@code getParameter*()} for
 * form bodies).
 *
 * <p>In {@code web.xml} its init-params are the endpoint keys ({@code provider}, {@code secrets} or
 * {@code secrets-env}, {@code tolerance}, …) plus {@code endpoint=<name>} (default: the filter
 * name). A misconfigured filter fails at {@code init}, naming the endpoint and the key. All filters
 * of a context share one idempotency store: the one the application put in the context attribute
 * {@code io.webhookkit.core.idempotency.IdempotencyStore}, or else the one the context-param {@code
 * webhook.idempotency.store} names ({@code memory} by default, {@code jdbc} with a {@code
 * javax.sql.DataSource} context attribute, {@code redis} with {@code
 * webhook.idempotency.redis.uri}).
 *
 * <p>The delivery is settled with the status the handler answers, at the moment the response is
 * committed (or when the chain returns, or when an async request completes): 2xx completes it,
 * anything else or an exception releases it for the provider's retry. Thread-safe.
 */
public class WebhookFilter implements Filter {
  /** The init-param naming the endpoint. */
  public static final String ENDPOINT_PARAM = "endpoint";

  /** The servlet-context attribute under which a shared idempotency store may be provided. */
  public static final String STORE_ATTRIBUTE = IdempotencyStore.class.getName();

  /** The servlet-context attribute under which a shared listener may be provided. */
  public static final String LISTENER_ATTRIBUTE = WebhookListener.class.getName();

  private static final String OWNED_STORE_USERS = WebhookFilter.class.getName() + ".storeUsers";

  private volatile @Nullable WebhookGuard guard;
  private volatile @Nullable ServletContext context;

  /** For {@code web.xml}: configured from init-params in {@link #init}. */
  public WebhookFilter() {}

  /**
   * For {@code ServletContext.addFilter}: guards with this ready guard; init-params are ignored.
   */
  public WebhookFilter(WebhookGuard guard) {
    this.guard = guard;
  }

  /** The verified event of a request that passed a {@code WebhookFilter}. */
  public static Optional<WebhookEvent> event(ServletRequest request) {
    Object event = request.getAttribute(WebhookEvent.ATTRIBUTE);
    return event instanceof WebhookEvent e ? Optional.of(e) : Optional.empty();
  }

  @Override
  public void init(FilterConfig filterConfig) {
    if (guard != null) {
      return;
    }
    String endpoint = filterConfig.getInitParameter(ENDPOINT_PARAM);
    if (endpoint == null || endpoint.isBlank()) {
      endpoint = filterConfig.getFilterName();
    }
    Set<String> keys = new LinkedHashSet<>(Collections.list(filterConfig.getInitParameterNames()));
    keys.remove(ENDPOINT_PARAM);
    ConfigSource source =
        new ConfigSource() {
          @Override
          public @Nullable String get(String key) {
            return keys.contains(key) ? filterConfig.getInitParameter(key) : null;
          }

          @Override
          public Set<String> keys() {
            return keys;
          }
        };
    EndpointConfig config = EndpointConfig.from(endpoint.trim(), source);
    WebhookGuard.Builder builder = WebhookGuard.builder(config);
    ServletContext context = filterConfig.getServletContext();
    this.context = context;
    if (context != null) {
      builder.idempotencyStore(sharedStore(context));
      if (context.getAttribute(LISTENER_ATTRIBUTE) instanceof WebhookListener listener) {
        builder.listener(listener);
      }
    }
    guard = builder.build();
  }

  /**
   * The context's one idempotency store: the attribute {@code STORE_ATTRIBUTE} when the application
   * put one there, otherwise the store the context-param {@code webhook.idempotency.store} names
   * ({@code memory} by default; {@code jdbc}, {@code redis} with their modules), made once and
   * shared by every filter.
   */
  private static IdempotencyStore sharedStore(ServletContext context) {
    synchronized (context) {
      Object existing = context.getAttribute(STORE_ATTRIBUTE);
      Object users = context.getAttribute(OWNED_STORE_USERS);
      if (existing instanceof IdempotencyStore shared) {
        if (users instanceof AtomicInteger count) {
          count.incrementAndGet();
        }
        return shared;
      }
      IdempotencyStore store =
          IdempotencyStores.create(
              new StoreSettings(
                  context::getInitParameter,
                  type -> context.getAttribute(type.getName()),
                  Clock.systemUTC()));
      context.setAttribute(STORE_ATTRIBUTE, store);
      context.setAttribute(OWNED_STORE_USERS, new AtomicInteger(1));
      return store;
    }
  }

  /** The guard, once initialised. */
  public WebhookGuard guard() {
    WebhookGuard g = guard;
    if (g == null) {
      throw new IllegalStateException("WebhookFilter used before init()");
    }
    return g;
  }

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    if (req instanceof HttpServletRequest request && res instanceof HttpServletResponse response) {
      filter(guard(), request, response, chain);
    } else {
      chain.doFilter(req, res);
    }
  }

  /**
   * Guards one request with this guard and, when it proceeds, runs the chain with the replayed
   * body, the event attribute, and settlement at commit. For adapters built on this one (Spring
   * picks the guard from the handler's {@code @WebhookEndpoint}).
   */
  public static void filter(
      WebhookGuard g, HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    BoundedBody body =
        BoundedBody.read(request.getInputStream(), request.getContentLengthLong(), g.maxBodySize());
    Decision decision = g.inspect(toWebhookRequest(request, body));

    if (decision instanceof Decision.Respond respond) {
      write(respond, response);
      if (body.isExceeded()) {
        BoundedBody.discardRest(
            request.getInputStream(), request.getContentLengthLong(), request.getHeader("Expect"));
      }
      return;
    }
    Decision.Proceed proceed = (Decision.Proceed) decision;
    CapturedBodyRequest replay = new CapturedBodyRequest(request, body.bytes());
    replay.setAttribute(WebhookEvent.ATTRIBUTE, proceed.event());
    SettlingResponse settling = new SettlingResponse(response, proceed.ticket());
    replay.beforeAsyncComplete(settling::settle);
    try {
      chain.doFilter(replay, settling);
    } catch (IOException | ServletException | RuntimeException | Error e) {
      proceed.ticket().fail(e);
      throw e;
    }
    if (replay.isAsyncStarted()) {
      replay
          .getAsyncContext()
          .addListener(
              new AsyncListener() {
                @Override
                public void onComplete(AsyncEvent event) {
                  settling
                      .settle(); // already settled by complete() unless the container completed it
                }

                @Override
                public void onTimeout(AsyncEvent event) {
                  proceed.ticket().fail(new IllegalStateException("async request timed out"));
                }

                @Override
                public void onError(AsyncEvent event) {
                  Throwable t = event.getThrowable();
                  proceed.ticket().fail(t != null ? t : new IllegalStateException("async error"));
                }

                @Override
                public void onStartAsync(AsyncEvent event) {
                  event.getAsyncContext().addListener(this);
                }
              });
    } else {
      settling.settle();
    }
  }

  private static WebhookRequest toWebhookRequest(HttpServletRequest request, BoundedBody body) {
    WebhookRequest.Builder b =
        WebhookRequest.builder()
            .method(request.getMethod())
            .path(request.getRequestURI())
            .query(request.getQueryString())
            .remoteAddress(request.getRemoteAddr())
            .secure(request.isSecure())
            .body(body);
    for (String name : Collections.list(request.getHeaderNames())) {
      for (String value : Collections.list(request.getHeaders(name))) {
        b.header(name, value);
      }
    }
    return b.build();
  }

  /** Writes a decision's answer exactly as given: status, headers, body; commits the response. */
  public static void write(Decision.Respond respond, HttpServletResponse response)
      throws IOException {
    response.setStatus(respond.status());
    for (Map.Entry<String, String> header : respond.headers().entrySet()) {
      response.setHeader(header.getKey(), header.getValue());
    }
    if (respond.body().length > 0) {
      response.setContentLength(respond.body().length);
      response.getOutputStream().write(respond.body());
    } else {
      response.setContentLength(0);
    }
    response.flushBuffer();
  }

  /** Closes the store the filters made themselves (a Redis client) when the last of them goes. */
  @Override
  public void destroy() {
    ServletContext c = context;
    if (c == null) {
      return;
    }
    synchronized (c) {
      Object users = c.getAttribute(OWNED_STORE_USERS);
      if (users instanceof AtomicInteger count && count.decrementAndGet() == 0) {
        Object store = c.getAttribute(STORE_ATTRIBUTE);
        c.removeAttribute(STORE_ATTRIBUTE);
        c.removeAttribute(OWNED_STORE_USERS);
        if (store instanceof AutoCloseable closeable) {
          try {
            closeable.close();
          } catch (Exception e) {
            c.log("webhook-kit: closing the idempotency store failed", e);
          }
        }
      }
    }
  }
}

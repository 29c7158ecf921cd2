package io.webhookkit.servlet;

import io.webhookkit.core.ConfigSource;
import io.webhookkit.core.Decision;
import io.webhookkit.core.EndpointConfig;
import io.webhookkit.core.WebhookConfigurationException;
import io.webhookkit.core.WebhookEvent;
import io.webhookkit.core.WebhookGuard;
import io.webhookkit.core.WebhookHandler;
import io.webhookkit.core.WebhookListener;
import io.webhookkit.core.WebhookRequest;
import io.webhookkit.core.WebhookWorkers;
import io.webhookkit.core.adapter.BoundedBody;
import io.webhookkit.core.idempotency.IdempotencyStore;
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
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
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
 * <p>An endpoint with {@code processing=deferred} or {@code auto} is answered here, the chain not
 * called: the delivery is written to the context store's durable inbox and acknowledged, and its
 * {@link WebhookHandler} — given in code ({@link #WebhookFilter(WebhookHandler)}) or named by class
 * in the {@code handler} init-param — runs on the worker pool of the context's {@link
 * WebhookInboxListener}.
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

  /** The init-param naming the deferred handler's class. */
  public static final String HANDLER_PARAM = "handler";

  private volatile @Nullable WebhookGuard guard;
  private volatile @Nullable ServletContext context;
  private final @Nullable WebhookHandler codeHandler;

  /** For {@code web.xml}: configured from init-params in {@link #init}. */
  public WebhookFilter() {
    this.codeHandler = null;
  }

  /**
   * For {@code ServletContext.addFilter}: configured from init-params in {@link #init}, with this
   * handler for the endpoint's deferred deliveries ({@code processing=deferred} or {@code auto}).
   */
  public WebhookFilter(WebhookHandler handler) {
    this.codeHandler = Objects.requireNonNull(handler, "handler");
  }

  /**
   * For {@code ServletContext.addFilter}: guards with this ready guard; init-params are ignored.
   */
  public WebhookFilter(WebhookGuard guard) {
    this.guard = guard;
    this.codeHandler = null;
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
    keys.remove(HANDLER_PARAM);
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
      builder.idempotencyStore(ContextStore.acquire(context));
      if (context.getAttribute(LISTENER_ATTRIBUTE) instanceof WebhookListener listener) {
        builder.listener(listener);
      }
    }
    WebhookHandler h = handler(config, filterConfig.getInitParameter(HANDLER_PARAM));
    if (h != null) {
      Object w =
          context == null ? null : context.getAttribute(WebhookInboxListener.WORKERS_ATTRIBUTE);
      if (!(w instanceof WebhookWorkers workers)) {
        throw new WebhookConfigurationException(
            config.name(),
            EndpointConfig.PROCESSING,
            config.processing().code()
                + " runs the handler on the context's worker pool: declare the listener "
                + WebhookInboxListener.class.getName()
                + " in web.xml (or add it to the context)");
      }
      builder.workers(workers).handler(h);
    }
    guard = builder.build();
  }

  /**
   * The endpoint's deferred handler: the one given in code, else an instance of the class the
   * {@code handler} init-param names (public, with a public no-argument constructor).
   */
  private @Nullable WebhookHandler handler(EndpointConfig config, @Nullable String className) {
    WebhookHandler h = codeHandler;
    if (h == null && className != null && !className.isBlank()) {
      try {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        Class<?> type =
            Class.forName(
                className.trim(),
                true,
                loader != null ? loader : WebhookFilter.class.getClassLoader());
        Object instance = type.getConstructor().newInstance();
        if (!(instance instanceof WebhookHandler wh)) {
          throw new WebhookConfigurationException(
              config.name(),
              HANDLER_PARAM,
              className + " is not a " + WebhookHandler.class.getName());
        }
        h = wh;
      } catch (ReflectiveOperationException | LinkageError e) {
        throw new WebhookConfigurationException(
            config.name(),
            HANDLER_PARAM,
            "cannot make " + className + " (" + e.getClass().getSimpleName() + ")");
      }
    }
    if (h != null && !config.processing().usesInbox()) {
      throw new WebhookConfigurationException(
          config.name(),
          HANDLER_PARAM,
          "runs deferred deliveries: set processing=deferred or auto, or handle in the servlet");
    }
    return h;
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
    // straight from the container's enumerations: no list per request or per header
    for (Enumeration<String> names = request.getHeaderNames(); names.hasMoreElements(); ) {
      String name = names.nextElement();
      for (Enumeration<String> values = request.getHeaders(name); values.hasMoreElements(); ) {
        b.header(name, values.nextElement());
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

  /** Lets go of the context's store; the last user (filter or inbox listener) closes it. */
  @Override
  public void destroy() {
    ServletContext c = context;
    if (c != null) {
      ContextStore.release(c);
    }
  }
}

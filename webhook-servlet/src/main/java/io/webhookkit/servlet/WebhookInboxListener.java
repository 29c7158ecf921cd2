package io.webhookkit.servlet;

import io.webhookkit.core.WebhookConfigurationException;
import io.webhookkit.core.WebhookWorkers;
import io.webhookkit.core.idempotency.IdempotencyStore;
import io.webhookkit.core.inbox.DeliveryInbox;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import org.jspecify.annotations.Nullable;

/**
 * Owns the worker pool of the context's deferred endpoints: made and started with the context (on
 * the context's shared store, which must have an inbox), put in the context attribute {@code
 * io.webhookkit.core.WebhookWorkers} for the {@link WebhookFilter}s to register their handlers
 * with, and drained at {@code contextDestroyed} (stop claiming, running handlers get {@code
 * inbox.shutdown-grace}, the rest are released). Context-params: {@code webhook.inbox.workers}
 * (default 4), {@code webhook.inbox.poll} (default 1s), {@code webhook.inbox.shutdown-grace}
 * (default 30s). Meters: put an {@code InboxMeters} in the context attribute {@link
 * #WORKER_LISTENER_ATTRIBUTE}.
 *
 * <pre>{@code
 * <listener>
 *   <listener-class>io.webhookkit.servlet.WebhookInboxListener</listener-class>
 * </listener>
 * }</pre>
 */
public class WebhookInboxListener implements ServletContextListener {
  /** The context attribute holding the pool. */
  public static final String WORKERS_ATTRIBUTE = WebhookWorkers.class.getName();

  /**
   * The context attribute under which the application may give a listener of every handler run,
   * e.g. {@code new InboxMeters(registry)}.
   */
  public static final String WORKER_LISTENER_ATTRIBUTE = WebhookWorkers.Listener.class.getName();

  private @Nullable WebhookWorkers workers;

  /** For {@code web.xml} and {@code ServletContext.addListener}. */
  public WebhookInboxListener() {}

  @Override
  public void contextInitialized(ServletContextEvent event) {
    ServletContext context = event.getServletContext();
    IdempotencyStore store = ContextStore.acquire(context);
    if (!(store instanceof DeliveryInbox inbox)) {
      ContextStore.release(context);
      throw new WebhookConfigurationException(
          "webhook.idempotency.store",
          store.getClass().getSimpleName()
              + " has no inbox for deferred deliveries (use memory, jdbc or redis)");
    }
    WebhookWorkers w;
    try {
      WebhookWorkers.Builder b = WebhookWorkers.builder(inbox).settings(context::getInitParameter);
      if (context.getAttribute(WORKER_LISTENER_ATTRIBUTE) instanceof WebhookWorkers.Listener l) {
        b.listener(l);
      }
      w = b.build();
    } catch (RuntimeException e) {
      ContextStore.release(context);
      throw e;
    }
    workers = w;
    context.setAttribute(WORKERS_ATTRIBUTE, w);
    w.start();
  }

  @Override
  public void contextDestroyed(ServletContextEvent event) {
    WebhookWorkers w = workers;
    if (w != null) {
      w.close();
      workers = null;
      event.getServletContext().removeAttribute(WORKERS_ATTRIBUTE);
      ContextStore.release(event.getServletContext());
    }
  }
}

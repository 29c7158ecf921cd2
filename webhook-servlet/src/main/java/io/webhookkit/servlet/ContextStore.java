package io.webhookkit.servlet;

import io.webhookkit.core.idempotency.IdempotencyStore;
import io.webhookkit.core.idempotency.IdempotencyStores;
import io.webhookkit.core.idempotency.StoreSettings;
import jakarta.servlet.ServletContext;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The context's one idempotency store (and inbox), shared by every {@link WebhookFilter} and the
 * {@link WebhookInboxListener}: the one the application put in the context attribute, or the one
 * {@code webhook.idempotency.store} names, made by the first user and closed when the last one lets
 * go (so the worker pool, destroyed after the filters, still has its store while it drains).
 */
final class ContextStore {
  private static final String USERS = WebhookFilter.class.getName() + ".storeUsers";

  private ContextStore() {}

  static IdempotencyStore acquire(ServletContext context) {
    synchronized (context) {
      Object existing = context.getAttribute(WebhookFilter.STORE_ATTRIBUTE);
      Object users = context.getAttribute(USERS);
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
      context.setAttribute(WebhookFilter.STORE_ATTRIBUTE, store);
      context.setAttribute(USERS, new AtomicInteger(1));
      return store;
    }
  }

  static void release(ServletContext context) {
    synchronized (context) {
      Object users = context.getAttribute(USERS);
      if (users instanceof AtomicInteger count && count.decrementAndGet() == 0) {
        Object store = context.getAttribute(WebhookFilter.STORE_ATTRIBUTE);
        context.removeAttribute(WebhookFilter.STORE_ATTRIBUTE);
        context.removeAttribute(USERS);
        if (store instanceof AutoCloseable closeable) {
          try {
            closeable.close();
          } catch (Exception e) {
            context.log("webhook-kit: closing the idempotency store failed", e);
          }
        }
      }
    }
  }
}

package io.webhookkit.test;

import io.webhookkit.core.WebhookEvent;
import io.webhookkit.core.WebhookHandler;
import io.webhookkit.core.WebhookHandlers;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The conformance kit's handler for the deferred and auto endpoints as a core {@link
 * WebhookHandler} (the servlet filter's {@code handler} init-param names it): {@link
 * ConformanceEndpoints#DEFERRED} routed by {@link ConformanceEndpoints#DEFERRED_EVENTS}, {@link
 * ConformanceEndpoints#AUTO} taking every event, each run reported to {@link
 * ConformanceHandler#handleDeferred}. Adapters with an annotation model declare the same routes
 * their own way instead.
 */
public final class ConformanceWorkerHandler implements WebhookHandler {
  private static final Pattern ID = Pattern.compile("^\\{\"id\":\"([^\"]+)\"");

  private final WebhookHandlers deferred;
  private final WebhookHandlers auto;

  /** For the {@code handler} init-param. */
  public ConformanceWorkerHandler() {
    WebhookHandlers.Builder b = WebhookHandlers.builder();
    for (String pattern : ConformanceEndpoints.DEFERRED_EVENTS) {
      b.on(pattern, event -> report(pattern, event));
    }
    deferred = b.build();
    auto = WebhookHandlers.builder().on("*", event -> report("*", event)).build();
  }

  private static void report(String route, WebhookEvent event) throws InterruptedException {
    ConformanceHandler.shared()
        .handleDeferred(event.endpoint(), route, event, idOf(event.bodyAsString()));
  }

  /**
   * The body's leading {@code "id"} (how the kit's Stripe sample begins), read without a mapper.
   */
  private static @Nullable String idOf(String body) {
    Matcher m = ID.matcher(body);
    return m.find() ? m.group(1) : null;
  }

  private WebhookHandlers routes(WebhookEvent event) {
    return event.endpoint().equals(ConformanceEndpoints.DEFERRED) ? deferred : auto;
  }

  @Override
  public boolean handles(WebhookEvent event) {
    return routes(event).handles(event);
  }

  @Override
  public void handle(WebhookEvent event) throws Exception {
    routes(event).handle(event);
  }
}

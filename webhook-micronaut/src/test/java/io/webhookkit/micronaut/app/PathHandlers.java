package io.webhookkit.micronaut.app;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.convert.value.ConvertibleMultiValues;
import io.webhookkit.core.WebhookEvent;
import io.webhookkit.micronaut.WebhookHandler;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

/** A whole receiver without a controller: the kit serves each endpoint's path. */
@Requires(property = "test.handlers", value = "true")
@Singleton
public class PathHandlers {
  /** What the handlers saw. */
  public static final List<String> SEEN = new CopyOnWriteArrayList<>();

  /** The deferred invoice runs: delivery id and thread. */
  public static final BlockingQueue<String> INVOICES = new LinkedBlockingQueue<>();

  /** How many calls of the issues handler fail first. */
  public static final AtomicInteger FAILURES = new AtomicInteger();

  @WebhookHandler(endpoint = "github", events = "push")
  void push(WebhookEvent event, Map<String, Object> payload) {
    SEEN.add("push " + event.deliveryId().orElseThrow() + " " + payload.keySet());
  }

  @WebhookHandler(endpoint = "github", events = "issues")
  void issues(WebhookEvent event) {
    if (FAILURES.getAndDecrement() > 0) {
      throw new IllegalStateException("fails on purpose");
    }
    SEEN.add("issues " + event.deliveryId().orElseThrow());
  }

  @WebhookHandler(endpoint = "slack")
  void command(ConvertibleMultiValues<String> form) {
    SEEN.add("command " + form.get("command"));
  }

  @WebhookHandler(endpoint = "stripe", events = "invoice.*")
  void invoice(String body, WebhookEvent event) {
    INVOICES.add(event.deliveryId().orElseThrow() + " " + Thread.currentThread().getName());
  }
}

package io.webhookkit.demo;

import io.webhookkit.core.WebhookEvent;
import io.webhookkit.core.WebhookHandler;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The demo's deferred handler (the {@code orders} endpoint, named by class in web.xml), run by a
 * worker after the answer left. A body with {@code "slow":true} takes 1.5 s, as a slow downstream
 * would; one with {@code "fail_times":n} fails its first n attempts.
 */
public class DemoDeferredHandler implements WebhookHandler {
  private static final Map<String, AtomicInteger> CALLS = new ConcurrentHashMap<>();
  private static final Map<String, Long> DONE_AT = new ConcurrentHashMap<>();
  private static final Pattern FAIL_TIMES = Pattern.compile("\"fail_times\":(\\d+)");

  /** Made by the filter from its {@code handler} init-param. */
  public DemoDeferredHandler() {}

  /** How many times the handler ran for a delivery. */
  public static int calls(String deliveryId) {
    AtomicInteger n = CALLS.get(deliveryId);
    return n == null ? 0 : n.get();
  }

  /** When ({@link System#nanoTime()}) the handler finished a delivery, or 0. */
  public static long doneAt(String deliveryId) {
    return DONE_AT.getOrDefault(deliveryId, 0L);
  }

  @Override
  public void handle(WebhookEvent event) throws Exception {
    String id = event.deliveryId().orElse("(none)");
    int call = CALLS.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
    String body = new String(event.body(), StandardCharsets.UTF_8);
    if (body.contains("\"slow\":true")) {
      Thread.sleep(1_500); // a slow downstream: the provider already has its answer
    }
    Matcher fail = FAIL_TIMES.matcher(body);
    if (fail.find() && call <= Integer.parseInt(fail.group(1))) {
      throw new IllegalStateException("downstream unavailable (attempt " + call + ")");
    }
    DONE_AT.put(id, System.nanoTime());
  }
}

package io.webhookkit.it;

import io.webhookkit.servlet.WebhookFilter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/** The application: processes a delivery (counts it) or fails at random, one time in ten. */
public class SoakServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  /** Successful processings per delivery id, across every instance. */
  static final Map<String, AtomicInteger> PROCESSED = new ConcurrentHashMap<>();

  /** How many calls failed on purpose. */
  static final AtomicInteger FAILED = new AtomicInteger();

  @Override
  protected void doPost(HttpServletRequest req, HttpServletResponse resp) {
    String id = WebhookFilter.event(req).orElseThrow().deliveryId().orElseThrow();
    if (ThreadLocalRandom.current().nextInt(10) == 0) {
      FAILED.incrementAndGet();
      resp.setStatus(500);
      return;
    }
    PROCESSED.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
    resp.setStatus(200);
  }
}

package io.webhookkit.demo;

import io.webhookkit.core.Decision;
import io.webhookkit.core.Reason;
import io.webhookkit.core.WebhookEvent;
import io.webhookkit.core.adapter.BoundedBody;
import io.webhookkit.servlet.WebhookFilter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The demo's application: an ordinary servlet behind the filters. It counts its calls per delivery,
 * and fails the first call of a delivery whose body says {@code "fail_once":true} (to show that a
 * failed delivery is processed on the provider's retry). A path no filter guards gets 404 {@code
 * unknown_endpoint}.
 */
public class DemoHandlerServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  private static final Map<String, AtomicInteger> CALLS = new ConcurrentHashMap<>();

  /** How many times the handler ran for a delivery. */
  public static int calls(String deliveryId) {
    AtomicInteger n = CALLS.get(deliveryId);
    return n == null ? 0 : n.get();
  }

  @Override
  protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    WebhookEvent event = WebhookFilter.event(req).orElse(null);
    if (event == null) {
      // No filter guards this path: the seed's answer to a wrong endpoint, not a stack trace.
      // The unread body is discarded first (bounded), so the connection stays usable.
      BoundedBody.discardRest(
          req.getInputStream(), req.getContentLengthLong(), req.getHeader("Expect"));
      WebhookFilter.write(
          Decision.refusal(
              Reason.UNKNOWN_ENDPOINT, "No webhook endpoint is configured here.", null),
          resp);
      return;
    }
    String body = new String(req.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String id = event.deliveryId().orElse("(none)");
    int call = CALLS.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
    if (body.contains("\"fail_once\":true") && call == 1) {
      resp.sendError(500, "simulated failure on the first attempt");
      return;
    }
    resp.setContentType("application/json");
    resp.getWriter().write("{\"received\":true}");
  }
}

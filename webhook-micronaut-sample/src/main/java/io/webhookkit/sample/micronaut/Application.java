package io.webhookkit.sample.micronaut;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.runtime.Micronaut;
import io.webhookkit.core.WebhookEvent;
import io.webhookkit.micronaut.WebhookEndpoint;
import io.webhookkit.micronaut.WebhookHandler;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/** The README's Micronaut quick starts: a controller (sync), and a deferred handler. */
public class Application {
  /** Runs the sample. */
  public static void main(String[] args) {
    Micronaut.run(Application.class, args);
  }

  /** Receives GitHub's deliveries, verified and deduplicated before this code runs. */
  @Controller("/hooks")
  static class GitHubHooks {
    @WebhookEndpoint("github")
    @Post("/github")
    HttpResponse<?> onEvent(WebhookEvent event, @Body Map<String, Object> payload) {
      System.out.println(event.eventType().orElse("?") + " " + payload.keySet());
      return HttpResponse.accepted(); // 2xx: done; a retry gets this status back
    }
  }

  /**
   * Stripe's deliveries: answered 202 as soon as they are in the inbox (the kit serves {@code
   * /hooks/stripe}, no controller), then handled here on Micronaut's blocking executor.
   */
  @Singleton
  static class StripeHandlers {
    /** The handled delivery ids, for the sample's test. */
    final BlockingQueue<String> handled = new LinkedBlockingQueue<>();

    @WebhookHandler(endpoint = "stripe", events = "invoice.*")
    void onInvoice(WebhookEvent event, Map<String, Object> invoice) {
      System.out.println(event.eventType().orElse("?") + " " + invoice.get("id"));
      handled.add(event.deliveryId().orElse("?"));
    }
  }
}

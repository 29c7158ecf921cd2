package io.webhookkit.sample;

import io.webhookkit.core.WebhookEvent;
import io.webhookkit.spring.WebhookEndpoint;
import io.webhookkit.spring.WebhookHandler;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The README's Spring quick starts: a controller (sync), and a deferred handler. */
@SpringBootApplication
public class SampleApplication {
  /** Runs the sample. */
  public static void main(String[] args) {
    SpringApplication.run(SampleApplication.class, args);
  }

  /** Receives GitHub's deliveries, verified and deduplicated before this code runs. */
  @RestController
  static class GitHubHooks {
    @WebhookEndpoint("github")
    @PostMapping("/hooks/github")
    ResponseEntity<Void> onEvent(WebhookEvent event, @RequestBody Map<String, Object> payload) {
      System.out.println(
          event.eventType().orElse("?")
              + " "
              + event.deliveryId().orElse("?")
              + " "
              + payload.keySet());
      return ResponseEntity.accepted().build();
    }
  }

  /**
   * Stripe's deliveries: answered 202 as soon as they are in the inbox (the kit serves {@code
   * /hooks/stripe}, no controller), then handled here by a worker; a throw is retried.
   */
  @Component
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

package io.webhookkit.sample;

import io.webhookkit.core.WebhookEvent;
import io.webhookkit.spring.WebhookEndpoint;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The README's Spring quick start. */
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
}

package io.webhookkit.benchmarks.boot;

import io.webhookkit.core.WebhookEvent;
import io.webhookkit.spring.WebhookEndpoint;
import java.util.Map;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Spring Boot half of the end-to-end benchmark: one controller, bound to a JSON {@code Map} as
 * users write it, at {@code /plain} and, behind {@code @WebhookEndpoint("github")}, at {@code
 * /hooks/github}.
 */
@SpringBootApplication
public class BenchmarkApplication {
  /** The same handler twice; only the annotation differs. */
  @RestController
  static class Hooks {
    @PostMapping("/plain")
    ResponseEntity<String> plain(@RequestBody Map<String, Object> payload) {
      return ResponseEntity.ok(payload.isEmpty() ? "empty" : "ok");
    }

    @WebhookEndpoint("github")
    @PostMapping("/hooks/github")
    ResponseEntity<String> guarded(WebhookEvent event, @RequestBody Map<String, Object> payload) {
      return ResponseEntity.ok(payload.isEmpty() ? "empty" : "ok");
    }
  }
}

package io.webhookkit.spring.conformance;

import io.webhookkit.core.WebhookEvent;
import io.webhookkit.spring.WebhookEndpoint;
import io.webhookkit.test.ConformanceHandler;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A Spring Boot application serving the conformance endpoints the Spring way. */
@SpringBootApplication
public class ConformanceApplication {

  /**
   * GitHub's endpoint by its fixed name, every other one through
   * {@code @WebhookEndpoint("{name}")}; each binds the body, the parameters and the event. Only
   * POST is mapped: the providers' GET and OPTIONS handshakes must reach the guard anyway.
   */
  @RestController
  static class Hooks {
    private static ResponseEntity<String> handle(
        String endpoint, WebhookEvent event, byte[] body, MultiValueMap<String, String> params) {
      Map<String, List<String>> parameters = new java.util.LinkedHashMap<>(params);
      int status =
          ConformanceHandler.shared()
              .handle(endpoint, event, body == null ? new byte[0] : body, parameters);
      return ResponseEntity.status(status).body("handled " + status);
    }

    @WebhookEndpoint("github")
    @PostMapping("/hooks/github")
    ResponseEntity<String> github(
        WebhookEvent e,
        @RequestBody(required = false) byte[] b,
        @RequestParam MultiValueMap<String, String> p) {
      return handle("github", e, b, p);
    }

    /** The application's own GET on a webhook path: left alone, not taken for a handshake. */
    @GetMapping("/hooks/github")
    String githubStatus() {
      return "own GET handler";
    }

    /** Every other endpoint, by the name in its path. */
    @WebhookEndpoint("{name}")
    @PostMapping("/hooks/{name}")
    ResponseEntity<String> byName(
        @PathVariable String name,
        WebhookEvent e,
        @RequestBody(required = false) byte[] b,
        @RequestParam MultiValueMap<String, String> p) {
      return handle(name, e, b, p);
    }
  }
}

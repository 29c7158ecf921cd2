package io.webhookkit.spring.conformance;

import io.webhookkit.core.WebhookEvent;
import io.webhookkit.core.adapter.EndpointCustomizer;
import io.webhookkit.spring.WebhookEndpoint;
import io.webhookkit.spring.WebhookHandler;
import io.webhookkit.test.ConformanceEndpoints;
import io.webhookkit.test.ConformanceHandler;
import io.webhookkit.test.RemoteKeyPresets;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.ResponseEntity;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.stereotype.Component;
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
  /** The actuator user who may replay dead deliveries. */
  public static final String ACTUATOR_USER = "operator";

  /** Its password. */
  public static final String ACTUATOR_PASSWORD = "conformance-operator-password";

  /**
   * Actuator behind HTTP Basic for an authenticated user (its write operations need no CSRF token:
   * they are called by operators' tools); webhook endpoints are exempt by the kit itself.
   */
  @Bean
  SecurityFilterChain actuatorSecurity(HttpSecurity http) throws Exception {
    return http.authorizeHttpRequests(a -> a.anyRequest().authenticated())
        .httpBasic(Customizer.withDefaults())
        .csrf(c -> c.ignoringRequestMatchers("/actuator/**"))
        .build();
  }

  /**
   * The remote-key presets' endpoints fetch their keys from the kit's local HTTPS server: set in
   * code, as an application's customizer bean would.
   */
  @Bean
  EndpointCustomizer remoteKeysForTheConformanceKeyServer() {
    return RemoteKeyPresets::customize;
  }

  /** An invoice as the application's JSON mapper binds it. */
  public record Invoice(String id, String type) {}

  /**
   * The deferred and auto endpoints' handlers, by event type: the most specific pattern wins, so
   * {@code invoice.paid} reaches {@link #paid} and other {@code invoice.*} types {@link #invoices};
   * each binds the payload a different way.
   */
  @Component
  static class DeferredHandlers {
    @WebhookHandler(endpoint = ConformanceEndpoints.DEFERRED, events = "invoice.paid")
    void paid(WebhookEvent event, Map<String, Object> payload) throws InterruptedException {
      ConformanceHandler.shared()
          .handleDeferred(
              ConformanceEndpoints.DEFERRED, "invoice.paid", event, (String) payload.get("id"));
    }

    @WebhookHandler(endpoint = ConformanceEndpoints.DEFERRED, events = "invoice.*")
    void invoices(Invoice invoice, WebhookEvent event) throws InterruptedException {
      ConformanceHandler.shared()
          .handleDeferred(ConformanceEndpoints.DEFERRED, "invoice.*", event, invoice.id());
    }

    @WebhookHandler(endpoint = ConformanceEndpoints.AUTO)
    void auto(byte[] body, WebhookEvent event) throws InterruptedException {
      if (body.length != event.body().length) {
        throw new IllegalStateException("the raw body was not bound");
      }
      ConformanceHandler.shared().handleDeferred(ConformanceEndpoints.AUTO, "*", event, null);
    }
  }

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

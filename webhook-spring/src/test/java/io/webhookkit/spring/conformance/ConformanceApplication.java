package io.webhookkit.spring.conformance;

import io.webhookkit.core.WebhookEvent;
import io.webhookkit.spring.WebhookEndpoint;
import io.webhookkit.test.ConformanceHandler;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A Spring Boot application serving the conformance endpoints the Spring way. */
@SpringBootApplication
public class ConformanceApplication {

  /** One handler method per endpoint, each binding the body, the parameters and the event. */
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

    @WebhookEndpoint("stripe")
    @PostMapping("/hooks/stripe")
    ResponseEntity<String> stripe(
        WebhookEvent e,
        @RequestBody(required = false) byte[] b,
        @RequestParam MultiValueMap<String, String> p) {
      return handle("stripe", e, b, p);
    }

    @WebhookEndpoint("slack")
    @PostMapping("/hooks/slack")
    ResponseEntity<String> slack(
        WebhookEvent e,
        @RequestBody(required = false) byte[] b,
        @RequestParam MultiValueMap<String, String> p) {
      return handle("slack", e, b, p);
    }

    @WebhookEndpoint("standard-webhooks")
    @PostMapping("/hooks/standard-webhooks")
    ResponseEntity<String> standardWebhooks(
        WebhookEvent e,
        @RequestBody(required = false) byte[] b,
        @RequestParam MultiValueMap<String, String> p) {
      return handle("standard-webhooks", e, b, p);
    }

    @WebhookEndpoint("svix")
    @PostMapping("/hooks/svix")
    ResponseEntity<String> svix(
        WebhookEvent e,
        @RequestBody(required = false) byte[] b,
        @RequestParam MultiValueMap<String, String> p) {
      return handle("svix", e, b, p);
    }

    @WebhookEndpoint("shopify")
    @PostMapping("/hooks/shopify")
    ResponseEntity<String> shopify(
        WebhookEvent e,
        @RequestBody(required = false) byte[] b,
        @RequestParam MultiValueMap<String, String> p) {
      return handle("shopify", e, b, p);
    }

    @WebhookEndpoint("hmac")
    @PostMapping("/hooks/hmac")
    ResponseEntity<String> hmac(
        WebhookEvent e,
        @RequestBody(required = false) byte[] b,
        @RequestParam MultiValueMap<String, String> p) {
      return handle("hmac", e, b, p);
    }

    @WebhookEndpoint("allowlisted")
    @PostMapping("/hooks/allowlisted")
    ResponseEntity<String> allowlisted(
        WebhookEvent e,
        @RequestBody(required = false) byte[] b,
        @RequestParam MultiValueMap<String, String> p) {
      return handle("allowlisted", e, b, p);
    }

    @WebhookEndpoint("no-proxy")
    @PostMapping("/hooks/no-proxy")
    ResponseEntity<String> noProxy(
        WebhookEvent e,
        @RequestBody(required = false) byte[] b,
        @RequestParam MultiValueMap<String, String> p) {
      return handle("no-proxy", e, b, p);
    }

    @WebhookEndpoint("https-only")
    @PostMapping("/hooks/https-only")
    ResponseEntity<String> httpsOnly(
        WebhookEvent e,
        @RequestBody(required = false) byte[] b,
        @RequestParam MultiValueMap<String, String> p) {
      return handle("https-only", e, b, p);
    }

    @WebhookEndpoint("small")
    @PostMapping("/hooks/small")
    ResponseEntity<String> small(
        WebhookEvent e,
        @RequestBody(required = false) byte[] b,
        @RequestParam MultiValueMap<String, String> p) {
      return handle("small", e, b, p);
    }

    @WebhookEndpoint("limited")
    @PostMapping("/hooks/limited")
    ResponseEntity<String> limited(
        WebhookEvent e,
        @RequestBody(required = false) byte[] b,
        @RequestParam MultiValueMap<String, String> p) {
      return handle("limited", e, b, p);
    }
  }
}

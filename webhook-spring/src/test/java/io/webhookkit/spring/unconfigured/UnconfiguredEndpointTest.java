package io.webhookkit.spring.unconfigured;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.webhookkit.core.WebhookConfigurationException;
import io.webhookkit.core.WebhookEvent;
import io.webhookkit.spring.WebhookEndpoint;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** A @WebhookEndpoint name with no configuration stops the application from starting. */
class UnconfiguredEndpointTest {
  @SpringBootApplication
  static class App {
    @RestController
    static class Hooks {
      @WebhookEndpoint("payments")
      @PostMapping("/hooks/payments")
      String payments(WebhookEvent event) {
        return "ok";
      }
    }
  }

  @Test
  void startUpFailsNamingTheEndpointAndTheHandler() {
    Throwable failure =
        catchThrowable(
            () ->
                new SpringApplicationBuilder(App.class)
                    .properties(
                        "server.port=0", "server.address=127.0.0.1", "spring.main.banner-mode=off")
                    .run()
                    .close());
    Throwable cause = failure;
    while (cause != null && !(cause instanceof WebhookConfigurationException)) {
      cause = cause.getCause();
    }
    assertThat(cause)
        .as("%s", failure)
        .isInstanceOf(WebhookConfigurationException.class)
        .hasMessageContaining("'payments'")
        .hasMessageContaining("Hooks.payments")
        .hasMessageContaining("webhook.endpoints.payments");
  }
}

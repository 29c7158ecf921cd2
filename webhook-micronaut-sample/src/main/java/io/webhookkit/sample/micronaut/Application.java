package io.webhookkit.sample.micronaut;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.runtime.Micronaut;
import io.webhookkit.core.WebhookEvent;
import io.webhookkit.micronaut.WebhookEndpoint;
import java.util.Map;

/** The README's Micronaut quick start. */
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
}

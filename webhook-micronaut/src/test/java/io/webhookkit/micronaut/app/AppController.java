package io.webhookkit.micronaut.app;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.serde.annotation.Serdeable;
import io.webhookkit.core.WebhookEvent;
import io.webhookkit.micronaut.WebhookEndpoint;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An application controller guarded at class level, binding the body as users do: a JSON {@code
 * Map}, a POJO, a {@code String}; one method fails a set number of times.
 */
@Requires(property = "test.app", value = "true")
@Controller("/app")
@WebhookEndpoint("github")
public class AppController {
  /** What the handlers saw, in order. */
  public static final List<String> SEEN = new CopyOnWriteArrayList<>();

  /** How many more calls of {@link #flaky} throw. */
  public static final AtomicInteger FAILURES = new AtomicInteger();

  /** A POJO view of GitHub's payload. */
  @Serdeable
  public record Push(String ref, Map<String, Object> repository) {}

  @Post("/map")
  HttpResponse<String> map(WebhookEvent event, @Body Map<String, Object> payload) {
    SEEN.add("map " + event.deliveryId().orElseThrow() + " " + payload.get("ref"));
    return HttpResponse.ok("ok");
  }

  @Post("/pojo")
  HttpResponse<String> pojo(WebhookEvent event, @Body Push push) {
    SEEN.add("pojo " + event.deliveryId().orElseThrow() + " " + push.ref());
    return HttpResponse.ok("ok");
  }

  @Post("/string")
  HttpResponse<String> string(WebhookEvent event, @Body String body) {
    SEEN.add("string " + event.eventType().orElseThrow() + " " + body.length());
    return HttpResponse.ok("ok");
  }

  @Post("/flaky")
  HttpResponse<String> flaky(WebhookEvent event) {
    SEEN.add("flaky " + event.deliveryId().orElseThrow());
    if (FAILURES.getAndDecrement() > 0) {
      throw new IllegalStateException("the handler failed");
    }
    return HttpResponse.accepted();
  }
}

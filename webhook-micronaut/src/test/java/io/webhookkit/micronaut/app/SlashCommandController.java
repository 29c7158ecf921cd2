package io.webhookkit.micronaut.app;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.webhookkit.core.WebhookEvent;
import io.webhookkit.micronaut.WebhookEndpoint;
import java.util.Map;

/** A Slack slash command bound the Micronaut way: the form's fields as a {@code Map}. */
@Requires(property = "test.app", value = "true")
@Controller("/app/slack")
public class SlashCommandController {
  @WebhookEndpoint("slack")
  @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
  String command(WebhookEvent event, @Body Map<String, Object> fields) {
    AppController.SEEN.add("command " + event.deliveryId().orElseThrow() + " " + fields);
    return "ok";
  }
}

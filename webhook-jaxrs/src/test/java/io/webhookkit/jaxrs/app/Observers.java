package io.webhookkit.jaxrs.app;

import io.webhookkit.core.WebhookEvent;
import io.webhookkit.jaxrs.WebhookEndpoint;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Observers as users write them: one endpoint's events, and every endpoint's. */
@ApplicationScoped
public class Observers {
  /** What the observers received. */
  public static final List<String> RECEIVED = new CopyOnWriteArrayList<>();

  void onGitHub(@Observes @WebhookEndpoint("github") WebhookEvent event) {
    RECEIVED.add("github-observer " + event.deliveryId().orElseThrow());
  }

  void onSlack(@Observes @WebhookEndpoint("slack") WebhookEvent event) {
    RECEIVED.add("slack-observer " + event.deliveryId().orElseThrow());
  }

  void onAny(@Observes WebhookEvent event) {
    RECEIVED.add("any-observer " + event.endpoint() + " " + event.deliveryId().orElseThrow());
  }
}

package io.webhookkit.micronaut.app;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.webhookkit.core.WebhookEvent;
import io.webhookkit.micronaut.WebhookHandler;
import jakarta.inject.Singleton;

/** Handlers written wrong, each behind its own property: start-up must fail naming the method. */
public final class MisusedHandlers {
  private MisusedHandlers() {}

  /** Names an endpoint nobody configured. */
  @Requires(property = "test.misuse", value = "unconfigured")
  @Singleton
  public static class Unconfigured {
    @WebhookHandler(endpoint = "gitlab")
    void onGitLab(WebhookEvent event) {}
  }

  /** Two methods take {@code push}. */
  @Requires(property = "test.misuse", value = "twice")
  @Singleton
  public static class TwoForPush {
    @WebhookHandler(
        endpoint = "github",
        events = {"push", "issues"})
    void first(WebhookEvent event) {}

    @WebhookHandler(endpoint = "github", events = "push")
    void second(WebhookEvent event) {}
  }

  /** A parameter no delivery can give. */
  @Requires(property = "test.misuse", value = "unbindable")
  @Singleton
  public static class Unbindable {
    @WebhookHandler(endpoint = "github")
    void onEvent(WebhookEvent event, HttpRequest<?> request) {}
  }
}

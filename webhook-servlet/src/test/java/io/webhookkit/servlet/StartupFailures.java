package io.webhookkit.servlet;

import io.webhookkit.core.WebhookConfigurationException;
import org.assertj.core.api.Assertions;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.jspecify.annotations.Nullable;

/** Starts a context that must fail and finds the configuration error behind the failure. */
final class StartupFailures {
  private StartupFailures() {}

  /** The {@link WebhookConfigurationException} that stopped the context, or null if none did. */
  static @Nullable WebhookConfigurationException of(ServletContextHandler context) {
    Throwable failure = Assertions.catchThrowable(() -> LoopbackJetty.start(context).stop());
    Throwable cause = failure;
    while (cause != null && !(cause instanceof WebhookConfigurationException)) {
      cause = cause.getCause();
    }
    return (WebhookConfigurationException) cause;
  }
}

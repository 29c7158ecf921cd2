package io.webhookkit.spring;

import io.webhookkit.core.WebhookConfigurationException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a webhook configuration error into Spring Boot's start-up failure report. */
public class WebhookConfigurationFailureAnalyzer
    extends AbstractFailureAnalyzer<WebhookConfigurationException> {
  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, WebhookConfigurationException cause) {
    String property =
        cause.endpoint().isEmpty()
            ? cause.key()
            : "webhook.endpoints." + cause.endpoint() + "." + cause.key();
    return new FailureAnalysis(
        cause.getMessage(),
        "Fix the property '" + property + "' (see the webhook-kit README, Configuration).",
        cause);
  }
}

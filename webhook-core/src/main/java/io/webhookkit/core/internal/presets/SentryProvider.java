package io.webhookkit.core.internal.presets;

import io.webhookkit.core.provider.Locator;
import io.webhookkit.core.provider.Provider;
import io.webhookkit.core.provider.ProviderRules;
import io.webhookkit.core.provider.ProviderSettings;
import io.webhookkit.core.signature.HmacSignatureScheme;

/**
 * Sentry integration webhooks: {@code Sentry-Hook-Signature}, the hex HMAC-SHA256 of the body keyed
 * with the integration's client secret; delivery id {@code Request-ID}, event type {@code
 * Sentry-Hook-Resource} ({@code issue}, {@code event_alert}, {@code installation} …). The unsigned
 * {@code Sentry-Hook-Timestamp} is not a freshness proof and is not checked.
 *
 * @see <a
 *     href="https://docs.sentry.io/organization/integrations/integration-platform/webhooks/">Sentry:
 *     integration platform webhooks</a>
 */
public final class SentryProvider implements Provider {
  /** Creates the preset; called by {@link java.util.ServiceLoader}. */
  public SentryProvider() {}

  @Override
  public String name() {
    return "sentry";
  }

  @Override
  public ProviderRules rules(ProviderSettings settings) {
    return ProviderRules.builder()
        .signatureScheme(
            HmacSignatureScheme.builder()
                .header("Sentry-Hook-Signature")
                .secrets(settings.secrets())
                .build())
        .deliveryId(Locator.header("Request-ID"))
        .eventType(Locator.header("Sentry-Hook-Resource"))
        .build();
  }
}

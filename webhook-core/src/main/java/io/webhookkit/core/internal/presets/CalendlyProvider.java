package io.webhookkit.core.internal.presets;

import io.webhookkit.core.provider.Locator;
import io.webhookkit.core.provider.Provider;
import io.webhookkit.core.provider.ProviderRules;
import io.webhookkit.core.provider.ProviderSettings;
import io.webhookkit.core.signature.KeyValueSignatureScheme;

/**
 * Calendly: {@code Calendly-Webhook-Signature: t=<seconds>,v1=<hex HMAC-SHA256 of t.body>} keyed
 * with the webhook signing key; no delivery id is sent (the body's SHA-256 is used); event type
 * {@code event}.
 *
 * @see <a href="https://developer.calendly.com/api-docs/4c305798a61d3-webhook-signatures">Calendly:
 *     webhook signatures</a>
 */
public final class CalendlyProvider implements Provider {
  /** Creates the preset; called by {@link java.util.ServiceLoader}. */
  public CalendlyProvider() {}

  @Override
  public String name() {
    return "calendly";
  }

  @Override
  public ProviderRules rules(ProviderSettings settings) {
    return ProviderRules.builder()
        .signatureScheme(
            KeyValueSignatureScheme.of(
                "Calendly-Webhook-Signature", ',', "t", "v1", ".", settings.secrets()))
        .deliveryId(Locator.bodySha256())
        .eventType(Locator.json("event"))
        .build();
  }
}

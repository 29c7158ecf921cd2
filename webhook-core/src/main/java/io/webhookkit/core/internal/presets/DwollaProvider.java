package io.webhookkit.core.internal.presets;

import io.webhookkit.core.provider.Locator;
import io.webhookkit.core.provider.Provider;
import io.webhookkit.core.provider.ProviderRules;
import io.webhookkit.core.provider.ProviderSettings;
import io.webhookkit.core.signature.HmacSignatureScheme;

/**
 * Dwolla: {@code X-Request-Signature-SHA-256}, the hex HMAC-SHA256 of the body keyed with the
 * webhook subscription's secret. Delivery id the event's {@code id}; event type {@code topic}.
 *
 * @see <a href="https://developers.dwolla.com/docs/balance/webhooks/process-validate">Dwolla:
 *     process and validate webhooks</a>
 */
public final class DwollaProvider implements Provider {
  /** Creates the preset; called by {@link java.util.ServiceLoader}. */
  public DwollaProvider() {}

  @Override
  public String name() {
    return "dwolla";
  }

  @Override
  public ProviderRules rules(ProviderSettings settings) {
    return ProviderRules.builder()
        .signatureScheme(
            HmacSignatureScheme.builder()
                .header("X-Request-Signature-SHA-256")
                .secrets(settings.secrets())
                .build())
        .deliveryId(Locator.json("id"))
        .eventType(Locator.json("topic"))
        .build();
  }
}

package io.webhookkit.core.internal.presets;

import io.webhookkit.core.provider.Locator;
import io.webhookkit.core.provider.Provider;
import io.webhookkit.core.provider.ProviderRules;
import io.webhookkit.core.provider.ProviderSettings;
import io.webhookkit.core.signature.HmacAlgorithm;
import io.webhookkit.core.signature.HmacSignatureScheme;

/**
 * Paystack: {@code x-paystack-signature}, the hex HMAC-SHA512 of the body keyed with the secret
 * key; no delivery id is sent (the body's SHA-256 is used); event type JSON {@code event}.
 *
 * @see <a href="https://paystack.com/docs/payments/webhooks/#verify-event-origin">Paystack: verify
 *     event origin</a>
 */
public final class PaystackProvider implements Provider {
  /** Creates the preset; called by {@link java.util.ServiceLoader}. */
  public PaystackProvider() {}

  @Override
  public String name() {
    return "paystack";
  }

  @Override
  public ProviderRules rules(ProviderSettings settings) {
    return ProviderRules.builder()
        .signatureScheme(
            HmacSignatureScheme.builder()
                .header("x-paystack-signature")
                .algorithm(HmacAlgorithm.SHA512)
                .secrets(settings.secrets())
                .build())
        .deliveryId(Locator.bodySha256())
        .eventType(Locator.json("event"))
        .build();
  }
}

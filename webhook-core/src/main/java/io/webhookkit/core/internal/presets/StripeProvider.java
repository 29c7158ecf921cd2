package io.webhookkit.core.internal.presets;

import io.webhookkit.core.provider.Locator;
import io.webhookkit.core.provider.PayloadFormat;
import io.webhookkit.core.provider.Provider;
import io.webhookkit.core.provider.ProviderRules;
import io.webhookkit.core.provider.ProviderSettings;
import io.webhookkit.core.signature.KeyValueSignatureScheme;

/**
 * Stripe: {@code Stripe-Signature: t=…,v1=…} over {@code <t>.<body>} with the whole {@code whsec_…}
 * endpoint secret as the key; event id and type from the JSON {@code id} and {@code type}.
 *
 * @see <a href="https://docs.stripe.com/webhooks#verify-events">Stripe: verify webhook
 *     signatures</a>
 */
public final class StripeProvider implements Provider {
  /** Creates the preset; called by {@link java.util.ServiceLoader}. */
  public StripeProvider() {}

  @Override
  public String name() {
    return "stripe";
  }

  @Override
  public ProviderRules rules(ProviderSettings settings) {
    return ProviderRules.builder()
        .signatureScheme(KeyValueSignatureScheme.stripe(settings.secrets()))
        .payloadFormat(PayloadFormat.JSON)
        .deliveryId(Locator.json("id"))
        .eventType(Locator.json("type"))
        .build();
  }
}

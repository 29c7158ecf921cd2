package io.webhookkit.core.internal.presets;

import io.webhookkit.core.provider.Locator;
import io.webhookkit.core.provider.Provider;
import io.webhookkit.core.provider.ProviderRules;
import io.webhookkit.core.provider.ProviderSettings;
import io.webhookkit.core.signature.HmacSignatureScheme;

/**
 * Checkout.com (workflow webhooks): {@code Cko-Signature}, the hex HMAC-SHA256 of the body keyed
 * with the signature key set in the workflow's webhook action. Checkout.com retries and sends each
 * event at least once: delivery id the event's JSON {@code id}; event type {@code type}.
 *
 * @see <a
 *     href="https://www.checkout.com/docs/developer-resources/webhooks/manage-webhooks/set-up-your-webhook-receiver">Checkout.com:
 *     set up your webhook receiver</a>
 */
public final class CheckoutProvider implements Provider {
  /** Creates the preset; called by {@link java.util.ServiceLoader}. */
  public CheckoutProvider() {}

  @Override
  public String name() {
    return "checkout";
  }

  @Override
  public ProviderRules rules(ProviderSettings settings) {
    return ProviderRules.builder()
        .signatureScheme(
            HmacSignatureScheme.builder()
                .header("Cko-Signature")
                .secrets(settings.secrets())
                .build())
        .deliveryId(Locator.json("id"))
        .eventType(Locator.json("type"))
        .build();
  }
}

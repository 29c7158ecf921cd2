package io.webhookkit.core.internal.presets;

import io.webhookkit.core.provider.Locator;
import io.webhookkit.core.provider.Provider;
import io.webhookkit.core.provider.ProviderRules;
import io.webhookkit.core.provider.ProviderSettings;
import io.webhookkit.core.signature.HmacSignatureScheme;

/**
 * Alchemy Notify: {@code X-Alchemy-Signature}, the hex HMAC-SHA256 of the body keyed with the
 * webhook's signing key. Delivery id the event's JSON {@code id} ({@code whevt_…}); event type
 * {@code type} ({@code ADDRESS_ACTIVITY}, …).
 *
 * @see <a href="https://docs.alchemy.com/reference/notify-api-faq">Alchemy: how do I validate the
 *     webhook event</a>
 */
public final class AlchemyProvider implements Provider {
  /** Creates the preset; called by {@link java.util.ServiceLoader}. */
  public AlchemyProvider() {}

  @Override
  public String name() {
    return "alchemy";
  }

  @Override
  public ProviderRules rules(ProviderSettings settings) {
    return ProviderRules.builder()
        .signatureScheme(
            HmacSignatureScheme.builder()
                .header("X-Alchemy-Signature")
                .secrets(settings.secrets())
                .build())
        .deliveryId(Locator.json("id"))
        .eventType(Locator.json("type"))
        .build();
  }
}

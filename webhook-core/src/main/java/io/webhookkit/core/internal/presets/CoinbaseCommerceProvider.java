package io.webhookkit.core.internal.presets;

import io.webhookkit.core.provider.Locator;
import io.webhookkit.core.provider.Provider;
import io.webhookkit.core.provider.ProviderRules;
import io.webhookkit.core.provider.ProviderSettings;
import io.webhookkit.core.signature.HmacSignatureScheme;

/**
 * Coinbase Commerce: {@code X-CC-Webhook-Signature}, the hex HMAC-SHA256 of the body keyed with the
 * shared webhook secret (as coinbase-commerce-node's {@code Webhook.verifySigHeader}). The body
 * wraps the event ({@code {"id", "attempt_number", "event": {…}}}): delivery id the event's {@code
 * event.id} (the same on every attempt), event type {@code event.type}.
 *
 * @see <a href="https://docs.cdp.coinbase.com/commerce/api-arcitecture/webhooks-security">Coinbase
 *     Commerce: webhooks security</a>
 */
public final class CoinbaseCommerceProvider implements Provider {
  /** Creates the preset; called by {@link java.util.ServiceLoader}. */
  public CoinbaseCommerceProvider() {}

  @Override
  public String name() {
    return "coinbase-commerce";
  }

  @Override
  public ProviderRules rules(ProviderSettings settings) {
    return ProviderRules.builder()
        .signatureScheme(
            HmacSignatureScheme.builder()
                .header("X-CC-Webhook-Signature")
                .secrets(settings.secrets())
                .build())
        .deliveryId(Locator.json("event.id"))
        .eventType(Locator.json("event.type"))
        .build();
  }
}

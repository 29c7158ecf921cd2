package io.webhookkit.core.internal.presets;

import io.webhookkit.core.provider.Locator;
import io.webhookkit.core.provider.Provider;
import io.webhookkit.core.provider.ProviderRules;
import io.webhookkit.core.provider.ProviderSettings;
import io.webhookkit.core.signature.HmacSignatureScheme;

/**
 * Onfido: {@code X-SHA2-Signature}, the hex HMAC-SHA256 of the body keyed with the webhook token.
 * Event type {@code payload.action} ({@code check.completed}, …); no delivery id: the body's
 * SHA-256.
 *
 * @see <a href="https://documentation.onfido.com/api/latest/#webhooks">Onfido: webhooks</a>
 */
public final class OnfidoProvider implements Provider {
  /** Creates the preset; called by {@link java.util.ServiceLoader}. */
  public OnfidoProvider() {}

  @Override
  public String name() {
    return "onfido";
  }

  @Override
  public ProviderRules rules(ProviderSettings settings) {
    return ProviderRules.builder()
        .signatureScheme(
            HmacSignatureScheme.builder()
                .header("X-SHA2-Signature")
                .secrets(settings.secrets())
                .build())
        .deliveryId(Locator.bodySha256())
        .eventType(Locator.json("payload.action"))
        .build();
  }
}

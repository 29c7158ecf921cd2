package io.webhookkit.core.internal.presets;

import io.webhookkit.core.provider.Locator;
import io.webhookkit.core.provider.Provider;
import io.webhookkit.core.provider.ProviderRules;
import io.webhookkit.core.provider.ProviderSettings;
import io.webhookkit.core.signature.HmacSignatureScheme;
import io.webhookkit.core.signature.SignatureEncoding;

/**
 * Tally: {@code Tally-Signature}, the base64 HMAC-SHA256 of the body keyed with the webhook's
 * signing secret. Delivery id {@code eventId}; event type {@code eventType} ({@code
 * FORM_RESPONSE}).
 *
 * @see <a href="https://tally.so/help/webhooks">Tally: webhooks</a>
 */
public final class TallyProvider implements Provider {
  /** Creates the preset; called by {@link java.util.ServiceLoader}. */
  public TallyProvider() {}

  @Override
  public String name() {
    return "tally";
  }

  @Override
  public ProviderRules rules(ProviderSettings settings) {
    return ProviderRules.builder()
        .signatureScheme(
            HmacSignatureScheme.builder()
                .header("Tally-Signature")
                .encoding(SignatureEncoding.BASE64)
                .secrets(settings.secrets())
                .build())
        .deliveryId(Locator.json("eventId"))
        .eventType(Locator.json("eventType"))
        .build();
  }
}

package io.webhookkit.core.internal.presets;

import io.webhookkit.core.provider.Locator;
import io.webhookkit.core.provider.Provider;
import io.webhookkit.core.provider.ProviderRules;
import io.webhookkit.core.provider.ProviderSettings;
import io.webhookkit.core.signature.HmacSignatureScheme;
import io.webhookkit.core.signature.SignatureEncoding;

/**
 * Hookdeck (a destination receiving from Hookdeck): {@code x-hookdeck-signature}, the base64
 * HMAC-SHA256 of the body keyed with the project's signing secret. Delivery id {@code
 * x-hookdeck-eventid}.
 *
 * @see <a
 *     href="https://hookdeck.com/docs/authentication#hookdeck-webhook-signature-verification">Hookdeck:
 *     signature verification</a>
 */
public final class HookdeckProvider implements Provider {
  /** Creates the preset; called by {@link java.util.ServiceLoader}. */
  public HookdeckProvider() {}

  @Override
  public String name() {
    return "hookdeck";
  }

  @Override
  public ProviderRules rules(ProviderSettings settings) {
    return ProviderRules.builder()
        .signatureScheme(
            HmacSignatureScheme.builder()
                .header("x-hookdeck-signature")
                .encoding(SignatureEncoding.BASE64)
                .secrets(settings.secrets())
                .build())
        .deliveryId(Locator.header("x-hookdeck-eventid"))
        .build();
  }
}

package io.webhookkit.core.internal.presets;

import io.webhookkit.core.provider.Locator;
import io.webhookkit.core.provider.Provider;
import io.webhookkit.core.provider.ProviderRules;
import io.webhookkit.core.provider.ProviderSettings;
import io.webhookkit.core.signature.HmacSignatureScheme;
import io.webhookkit.core.signature.SignatureEncoding;

/**
 * Xero: {@code x-xero-signature}, the base64 HMAC-SHA256 of the body keyed with the webhook key.
 * Xero's "intent to receive" check sends correctly and incorrectly signed requests and expects 200
 * and 401 — the kit's answers. No delivery id is sent (the body's SHA-256 is used); the events are
 * in the body's {@code events} array.
 *
 * @see <a
 *     href="https://developer.xero.com/documentation/guides/webhooks/configuring-your-server/">Xero:
 *     configuring your server</a>
 */
public final class XeroProvider implements Provider {
  /** Creates the preset; called by {@link java.util.ServiceLoader}. */
  public XeroProvider() {}

  @Override
  public String name() {
    return "xero";
  }

  @Override
  public ProviderRules rules(ProviderSettings settings) {
    return ProviderRules.builder()
        .signatureScheme(
            HmacSignatureScheme.builder()
                .header("x-xero-signature")
                .encoding(SignatureEncoding.BASE64)
                .secrets(settings.secrets())
                .build())
        .deliveryId(Locator.bodySha256())
        .build();
  }
}

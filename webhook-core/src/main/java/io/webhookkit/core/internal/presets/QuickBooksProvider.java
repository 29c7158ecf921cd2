package io.webhookkit.core.internal.presets;

import io.webhookkit.core.provider.Locator;
import io.webhookkit.core.provider.Provider;
import io.webhookkit.core.provider.ProviderRules;
import io.webhookkit.core.provider.ProviderSettings;
import io.webhookkit.core.signature.HmacSignatureScheme;
import io.webhookkit.core.signature.SignatureEncoding;

/**
 * Intuit QuickBooks Online: {@code intuit-signature}, the base64 HMAC-SHA256 of the body keyed with
 * the app's verifier token; no delivery id is sent (the body's SHA-256 is used).
 *
 * @see <a
 *     href="https://developer.intuit.com/app/developer/qbo/docs/develop/webhooks/managing-webhooks-notifications">Intuit:
 *     managing webhooks notifications</a>
 */
public final class QuickBooksProvider implements Provider {
  /** Creates the preset; called by {@link java.util.ServiceLoader}. */
  public QuickBooksProvider() {}

  @Override
  public String name() {
    return "quickbooks";
  }

  @Override
  public ProviderRules rules(ProviderSettings settings) {
    return ProviderRules.builder()
        .signatureScheme(
            HmacSignatureScheme.builder()
                .header("intuit-signature")
                .encoding(SignatureEncoding.BASE64)
                .secrets(settings.secrets())
                .build())
        .deliveryId(Locator.bodySha256())
        .build();
  }
}

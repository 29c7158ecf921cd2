package io.webhookkit.core.internal.presets;

import io.webhookkit.core.provider.Locator;
import io.webhookkit.core.provider.Provider;
import io.webhookkit.core.provider.ProviderRules;
import io.webhookkit.core.provider.ProviderSettings;
import io.webhookkit.core.signature.HmacAlgorithm;
import io.webhookkit.core.signature.HmacSignatureScheme;
import io.webhookkit.core.signature.SignatureEncoding;

/**
 * Help Scout: {@code X-HelpScout-Signature}, the base64 HMAC-SHA1 of the body keyed with the
 * webhook's secret key. Event type {@code X-HelpScout-Event}; no delivery id: the body's SHA-256.
 *
 * @see <a href="https://developer.helpscout.com/webhooks/">Help Scout: webhooks</a>
 */
public final class HelpScoutProvider implements Provider {
  /** Creates the preset; called by {@link java.util.ServiceLoader}. */
  public HelpScoutProvider() {}

  @Override
  public String name() {
    return "helpscout";
  }

  @Override
  public ProviderRules rules(ProviderSettings settings) {
    return ProviderRules.builder()
        .signatureScheme(
            HmacSignatureScheme.builder()
                .header("X-HelpScout-Signature")
                .algorithm(HmacAlgorithm.SHA1)
                .encoding(SignatureEncoding.BASE64)
                .secrets(settings.secrets())
                .build())
        .deliveryId(Locator.bodySha256())
        .eventType(Locator.header("X-HelpScout-Event"))
        .build();
  }
}

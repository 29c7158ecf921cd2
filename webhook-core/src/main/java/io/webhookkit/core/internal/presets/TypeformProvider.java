package io.webhookkit.core.internal.presets;

import io.webhookkit.core.provider.Locator;
import io.webhookkit.core.provider.Provider;
import io.webhookkit.core.provider.ProviderRules;
import io.webhookkit.core.provider.ProviderSettings;
import io.webhookkit.core.signature.HmacSignatureScheme;
import io.webhookkit.core.signature.SignatureEncoding;

/**
 * Typeform: {@code Typeform-Signature: sha256=<base64 HMAC-SHA256 of the body>}; delivery id {@code
 * event_id}; event type {@code event_type}.
 *
 * @see <a href="https://www.typeform.com/developers/webhooks/secure-your-webhooks/">Typeform:
 *     secure your webhooks</a>
 */
public final class TypeformProvider implements Provider {
  /** Creates the preset; called by {@link java.util.ServiceLoader}. */
  public TypeformProvider() {}

  @Override
  public String name() {
    return "typeform";
  }

  @Override
  public ProviderRules rules(ProviderSettings settings) {
    return ProviderRules.builder()
        .signatureScheme(
            HmacSignatureScheme.builder()
                .header("Typeform-Signature")
                .prefix("sha256=")
                .encoding(SignatureEncoding.BASE64)
                .secrets(settings.secrets())
                .build())
        .deliveryId(Locator.json("event_id"))
        .eventType(Locator.json("event_type"))
        .build();
  }
}

package io.webhookkit.core.internal.presets;

import io.webhookkit.core.provider.Locator;
import io.webhookkit.core.provider.Provider;
import io.webhookkit.core.provider.ProviderRules;
import io.webhookkit.core.provider.ProviderSettings;
import io.webhookkit.core.signature.HmacSignatureScheme;
import io.webhookkit.core.signature.SecretEncoding;

/**
 * Airtable: {@code X-Airtable-Content-MAC: hmac-sha256=<hex>} of the body, keyed with the
 * base64-decoded {@code macSecretBase64} Airtable returns once when the webhook is created (that
 * base64 text is the secret to configure). A notification is a thin ping ({@code base}, {@code
 * webhook}, {@code timestamp}); the application then fetches the payloads with its cursor. No
 * delivery id: the body's SHA-256 (its timestamp makes it unique).
 *
 * @see <a href="https://airtable.com/developers/web/api/webhooks-overview">Airtable: webhooks</a>
 */
public final class AirtableProvider implements Provider {
  /** Creates the preset; called by {@link java.util.ServiceLoader}. */
  public AirtableProvider() {}

  @Override
  public String name() {
    return "airtable";
  }

  @Override
  public ProviderRules rules(ProviderSettings settings) {
    return ProviderRules.builder()
        .signatureScheme(
            HmacSignatureScheme.builder()
                .header("X-Airtable-Content-MAC")
                .prefix("hmac-sha256=")
                .secretEncoding(SecretEncoding.BASE64)
                .secrets(settings.secrets())
                .build())
        .deliveryId(Locator.bodySha256())
        .build();
  }
}

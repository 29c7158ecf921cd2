package io.webhookkit.core.internal.presets;

import io.webhookkit.core.provider.Locator;
import io.webhookkit.core.provider.Provider;
import io.webhookkit.core.provider.ProviderRules;
import io.webhookkit.core.provider.ProviderSettings;
import io.webhookkit.core.signature.KeyValueSignatureScheme;
import io.webhookkit.core.signature.SignatureEncoding;
import io.webhookkit.core.signature.TimestampFormat;

/**
 * Sanity (GROQ-powered webhooks): {@code sanity-webhook-signature: t=<Unix ms>,v1=<base64url>},
 * HMAC-SHA256 over {@code <t>.<body>} keyed with the webhook secret (as Sanity's webhook toolkit
 * signs; the kit also holds {@code t} to the window, which the toolkit does not). The body is the
 * webhook's projection: no delivery id or event type of Sanity's own, so the id is the body's
 * SHA-256.
 *
 * @see <a href="https://www.sanity.io/docs/webhooks">Sanity: GROQ-powered webhooks</a>
 */
public final class SanityProvider implements Provider {
  /** Creates the preset; called by {@link java.util.ServiceLoader}. */
  public SanityProvider() {}

  @Override
  public String name() {
    return "sanity";
  }

  @Override
  public ProviderRules rules(ProviderSettings settings) {
    return ProviderRules.builder()
        .signatureScheme(
            KeyValueSignatureScheme.builder()
                .header("sanity-webhook-signature")
                .encoding(SignatureEncoding.BASE64URL)
                .timestampFormat(TimestampFormat.MILLIS)
                .secrets(settings.secrets())
                .build())
        .deliveryId(Locator.bodySha256())
        .build();
  }
}

package io.webhookkit.core.internal.presets;

import io.webhookkit.core.provider.Locator;
import io.webhookkit.core.provider.Provider;
import io.webhookkit.core.provider.ProviderRules;
import io.webhookkit.core.provider.ProviderSettings;
import io.webhookkit.core.signature.HmacSignatureScheme;

/**
 * Veriff: {@code X-HMAC-SIGNATURE}, the hex HMAC-SHA256 of the body keyed with the integration's
 * shared secret key ({@code X-AUTH-CLIENT} names the API key). No delivery id: the body's SHA-256;
 * event type {@code action} of event webhooks.
 *
 * @see <a href="https://devdocs.veriff.com/docs/hmac-authentication-and-endpoint-security">Veriff:
 *     HMAC authentication</a>
 */
public final class VeriffProvider implements Provider {
  /** Creates the preset; called by {@link java.util.ServiceLoader}. */
  public VeriffProvider() {}

  @Override
  public String name() {
    return "veriff";
  }

  @Override
  public ProviderRules rules(ProviderSettings settings) {
    return ProviderRules.builder()
        .signatureScheme(
            HmacSignatureScheme.builder()
                .header("X-HMAC-SIGNATURE")
                .secrets(settings.secrets())
                .build())
        .deliveryId(Locator.bodySha256())
        .eventType(Locator.json("action"))
        .build();
  }
}

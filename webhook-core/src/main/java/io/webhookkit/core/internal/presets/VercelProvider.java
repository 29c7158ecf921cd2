package io.webhookkit.core.internal.presets;

import io.webhookkit.core.provider.Locator;
import io.webhookkit.core.provider.Provider;
import io.webhookkit.core.provider.ProviderRules;
import io.webhookkit.core.provider.ProviderSettings;
import io.webhookkit.core.signature.HmacAlgorithm;
import io.webhookkit.core.signature.HmacSignatureScheme;

/**
 * Vercel: {@code x-vercel-signature}, the hex HMAC-SHA1 of the body keyed with the webhook's
 * secret; delivery id and event type from the body's {@code id} and {@code type}.
 *
 * @see <a href="https://vercel.com/docs/webhooks/webhooks-api#securing-webhooks">Vercel: securing
 *     webhooks</a>
 */
public final class VercelProvider implements Provider {
  /** Creates the preset; called by {@link java.util.ServiceLoader}. */
  public VercelProvider() {}

  @Override
  public String name() {
    return "vercel";
  }

  @Override
  public ProviderRules rules(ProviderSettings settings) {
    return ProviderRules.builder()
        .signatureScheme(
            HmacSignatureScheme.builder()
                .header("x-vercel-signature")
                .algorithm(HmacAlgorithm.SHA1)
                .secrets(settings.secrets())
                .build())
        .deliveryId(Locator.json("id"))
        .eventType(Locator.json("type"))
        .build();
  }
}

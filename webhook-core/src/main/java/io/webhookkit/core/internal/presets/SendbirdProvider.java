package io.webhookkit.core.internal.presets;

import io.webhookkit.core.provider.Locator;
import io.webhookkit.core.provider.Provider;
import io.webhookkit.core.provider.ProviderRules;
import io.webhookkit.core.provider.ProviderSettings;
import io.webhookkit.core.signature.HmacSignatureScheme;

/**
 * Sendbird: {@code x-sendbird-signature}, the hex HMAC-SHA256 of the body keyed with the
 * application's master API token. Event type {@code category}; no delivery id: the body's SHA-256.
 *
 * @see <a href="https://sendbird.com/docs/chat/platform-api/v3/webhook/webhook-overview">Sendbird:
 *     webhooks</a>
 */
public final class SendbirdProvider implements Provider {
  /** Creates the preset; called by {@link java.util.ServiceLoader}. */
  public SendbirdProvider() {}

  @Override
  public String name() {
    return "sendbird";
  }

  @Override
  public ProviderRules rules(ProviderSettings settings) {
    return ProviderRules.builder()
        .signatureScheme(
            HmacSignatureScheme.builder()
                .header("x-sendbird-signature")
                .secrets(settings.secrets())
                .build())
        .deliveryId(Locator.bodySha256())
        .eventType(Locator.json("category"))
        .build();
  }
}

package io.webhookkit.core.internal.presets;

import io.webhookkit.core.provider.Locator;
import io.webhookkit.core.provider.Provider;
import io.webhookkit.core.provider.ProviderRules;
import io.webhookkit.core.provider.ProviderSettings;
import io.webhookkit.core.signature.HmacSignatureScheme;

/**
 * Pusher Channels: {@code X-Pusher-Signature}, the hex HMAC-SHA256 of the body keyed with the app's
 * secret ({@code X-Pusher-Key} names the app key). A webhook batches {@code events}: no delivery
 * id, the body's SHA-256.
 *
 * @see <a href="https://pusher.com/docs/channels/server_api/webhooks/">Pusher Channels:
 *     webhooks</a>
 */
public final class PusherProvider implements Provider {
  /** Creates the preset; called by {@link java.util.ServiceLoader}. */
  public PusherProvider() {}

  @Override
  public String name() {
    return "pusher";
  }

  @Override
  public ProviderRules rules(ProviderSettings settings) {
    return ProviderRules.builder()
        .signatureScheme(
            HmacSignatureScheme.builder()
                .header("X-Pusher-Signature")
                .secrets(settings.secrets())
                .build())
        .deliveryId(Locator.bodySha256())
        .build();
  }
}

package io.webhookkit.core.internal.presets;

import io.webhookkit.core.provider.Locator;
import io.webhookkit.core.provider.Provider;
import io.webhookkit.core.provider.ProviderRules;
import io.webhookkit.core.provider.ProviderSettings;
import io.webhookkit.core.signature.HmacSignatureScheme;

/**
 * Nylas (API v3): {@code X-Nylas-Signature}, the hex HMAC-SHA256 of the body keyed with the webhook
 * secret; the endpoint check ({@code GET ?challenge=…}) is echoed. Delivery id the notification's
 * {@code id}; event type {@code type}.
 *
 * @see <a href="https://developer.nylas.com/docs/v3/notifications/webhooks/">Nylas: webhooks</a>
 */
public final class NylasProvider implements Provider {
  /** Creates the preset; called by {@link java.util.ServiceLoader}. */
  public NylasProvider() {}

  @Override
  public String name() {
    return "nylas";
  }

  @Override
  public ProviderRules rules(ProviderSettings settings) {
    return ProviderRules.builder()
        .signatureScheme(
            HmacSignatureScheme.builder()
                .header("X-Nylas-Signature")
                .secrets(settings.secrets())
                .build())
        .deliveryId(Locator.json("id"))
        .eventType(Locator.json("type"))
        .handshake(Handshakes.challengeEcho())
        .build();
  }
}

package io.webhookkit.core.internal.presets;

import io.webhookkit.core.provider.Locator;
import io.webhookkit.core.provider.Provider;
import io.webhookkit.core.provider.ProviderRules;
import io.webhookkit.core.provider.ProviderSettings;
import io.webhookkit.core.signature.HmacSignatureScheme;

/**
 * Lemon Squeezy: {@code X-Signature}, the hex HMAC-SHA256 of the body keyed with the webhook's
 * signing secret; event type {@code X-Event-Name}; no delivery id is sent (the body's SHA-256 is
 * used).
 *
 * @see <a href="https://docs.lemonsqueezy.com/help/webhooks/signing-requests">Lemon Squeezy:
 *     signing requests</a>
 */
public final class LemonSqueezyProvider implements Provider {
  /** Creates the preset; called by {@link java.util.ServiceLoader}. */
  public LemonSqueezyProvider() {}

  @Override
  public String name() {
    return "lemonsqueezy";
  }

  @Override
  public ProviderRules rules(ProviderSettings settings) {
    return ProviderRules.builder()
        .signatureScheme(
            HmacSignatureScheme.builder().header("X-Signature").secrets(settings.secrets()).build())
        .deliveryId(Locator.bodySha256())
        .eventType(Locator.header("X-Event-Name"), Locator.json("meta.event_name"))
        .build();
  }
}

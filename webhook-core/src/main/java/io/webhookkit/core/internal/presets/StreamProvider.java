package io.webhookkit.core.internal.presets;

import io.webhookkit.core.provider.Locator;
import io.webhookkit.core.provider.Provider;
import io.webhookkit.core.provider.ProviderRules;
import io.webhookkit.core.provider.ProviderSettings;
import io.webhookkit.core.signature.HmacSignatureScheme;

/**
 * Stream (Chat, Feeds): {@code X-Signature}, the hex HMAC-SHA256 of the body keyed with the app's
 * API secret. Delivery id {@code X-Webhook-Id} (kept on retries, with {@code X-Webhook-Attempt});
 * event type {@code type}.
 *
 * @see <a href="https://getstream.io/chat/docs/node/webhooks_overview/">Stream: webhooks</a>
 */
public final class StreamProvider implements Provider {
  /** Creates the preset; called by {@link java.util.ServiceLoader}. */
  public StreamProvider() {}

  @Override
  public String name() {
    return "stream";
  }

  @Override
  public ProviderRules rules(ProviderSettings settings) {
    return ProviderRules.builder()
        .signatureScheme(
            HmacSignatureScheme.builder().header("X-Signature").secrets(settings.secrets()).build())
        .deliveryId(Locator.header("X-Webhook-Id"))
        .eventType(Locator.json("type"))
        .build();
  }
}

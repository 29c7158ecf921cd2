package io.webhookkit.core.internal.presets;

import io.webhookkit.core.provider.Locator;
import io.webhookkit.core.provider.Provider;
import io.webhookkit.core.provider.ProviderRules;
import io.webhookkit.core.provider.ProviderSettings;
import io.webhookkit.core.signature.KeyValueSignatureScheme;

/**
 * ElevenLabs: {@code ElevenLabs-Signature: t=<Unix s>,v0=<hex>}, HMAC-SHA256 over {@code
 * <t>.<body>} keyed with the webhook's HMAC secret. Event type {@code type} ({@code
 * post_call_transcription}, …); no delivery id: the body's SHA-256.
 *
 * @see <a href="https://elevenlabs.io/docs/product-guides/administration/webhooks">ElevenLabs:
 *     webhooks</a>
 */
public final class ElevenLabsProvider implements Provider {
  /** Creates the preset; called by {@link java.util.ServiceLoader}. */
  public ElevenLabsProvider() {}

  @Override
  public String name() {
    return "elevenlabs";
  }

  @Override
  public ProviderRules rules(ProviderSettings settings) {
    return ProviderRules.builder()
        .signatureScheme(
            KeyValueSignatureScheme.builder()
                .header("ElevenLabs-Signature")
                .signatureKey("v0")
                .secrets(settings.secrets())
                .build())
        .deliveryId(Locator.bodySha256())
        .eventType(Locator.json("type"))
        .build();
  }
}

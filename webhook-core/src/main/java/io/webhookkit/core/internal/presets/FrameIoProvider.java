package io.webhookkit.core.internal.presets;

import io.webhookkit.core.provider.Locator;
import io.webhookkit.core.provider.Provider;
import io.webhookkit.core.provider.ProviderRules;
import io.webhookkit.core.provider.ProviderSettings;
import io.webhookkit.core.signature.HmacSignatureScheme;
import io.webhookkit.core.signature.SignedContent;

/**
 * Frame.io: {@code X-Frameio-Signature: v0=<hex>}, HMAC-SHA256 of {@code
 * v0:<X-Frameio-Request-Timestamp>:<body>} keyed with the webhook's signing secret. Event type
 * {@code type}; no delivery id: the body's SHA-256.
 *
 * @see <a href="https://developer.frame.io/docs/automations-webhooks/webhooks-overview">Frame.io:
 *     webhooks, security and verification</a>
 */
public final class FrameIoProvider implements Provider {
  /** Creates the preset; called by {@link java.util.ServiceLoader}. */
  public FrameIoProvider() {}

  @Override
  public String name() {
    return "frameio";
  }

  @Override
  public ProviderRules rules(ProviderSettings settings) {
    return ProviderRules.builder()
        .signatureScheme(
            HmacSignatureScheme.builder()
                .header("X-Frameio-Signature")
                .prefix("v0=")
                .content(SignedContent.parse("v0:{timestamp}:{body}"))
                .timestampHeader("X-Frameio-Request-Timestamp")
                .secrets(settings.secrets())
                .build())
        .deliveryId(Locator.bodySha256())
        .eventType(Locator.json("type"))
        .build();
  }
}

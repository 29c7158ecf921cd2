package io.webhookkit.core.internal.presets;

import io.webhookkit.core.provider.Locator;
import io.webhookkit.core.provider.Provider;
import io.webhookkit.core.provider.ProviderRules;
import io.webhookkit.core.provider.ProviderSettings;
import io.webhookkit.core.signature.KeyValueSignatureScheme;

/**
 * Paddle Billing: {@code Paddle-Signature: ts=<seconds>;h1=<hex HMAC-SHA256 of ts:body>} (several
 * {@code h1} during a secret rotation); delivery id {@code notification_id}; event type {@code
 * event_type}.
 *
 * @see <a href="https://developer.paddle.com/webhooks/signature-verification">Paddle: verify
 *     webhook signatures</a>
 */
public final class PaddleProvider implements Provider {
  /** Creates the preset; called by {@link java.util.ServiceLoader}. */
  public PaddleProvider() {}

  @Override
  public String name() {
    return "paddle";
  }

  @Override
  public ProviderRules rules(ProviderSettings settings) {
    return ProviderRules.builder()
        .signatureScheme(
            KeyValueSignatureScheme.of(
                "Paddle-Signature", ';', "ts", "h1", ":", settings.secrets()))
        .deliveryId(Locator.json("notification_id"), Locator.json("event_id"))
        .eventType(Locator.json("event_type"))
        .build();
  }
}

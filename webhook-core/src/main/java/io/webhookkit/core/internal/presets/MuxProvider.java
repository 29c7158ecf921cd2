package io.webhookkit.core.internal.presets;

import io.webhookkit.core.provider.Locator;
import io.webhookkit.core.provider.Provider;
import io.webhookkit.core.provider.ProviderRules;
import io.webhookkit.core.provider.ProviderSettings;
import io.webhookkit.core.signature.KeyValueSignatureScheme;

/**
 * Mux: {@code Mux-Signature: t=<seconds>,v1=<hex HMAC-SHA256 of t.body>} keyed with the webhook
 * signing secret (several {@code v1} entries allowed); delivery id and event type from the body's
 * {@code id} and {@code type}.
 *
 * @see <a href="https://docs.mux.com/core/verify-webhook-signatures">Mux: verify webhook
 *     signatures</a>
 */
public final class MuxProvider implements Provider {
  /** Creates the preset; called by {@link java.util.ServiceLoader}. */
  public MuxProvider() {}

  @Override
  public String name() {
    return "mux";
  }

  @Override
  public ProviderRules rules(ProviderSettings settings) {
    return ProviderRules.builder()
        .signatureScheme(
            KeyValueSignatureScheme.of("Mux-Signature", ',', "t", "v1", ".", settings.secrets()))
        .deliveryId(Locator.json("id"))
        .eventType(Locator.json("type"))
        .build();
  }
}

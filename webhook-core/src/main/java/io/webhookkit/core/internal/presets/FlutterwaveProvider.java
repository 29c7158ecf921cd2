package io.webhookkit.core.internal.presets;

import io.webhookkit.core.provider.Locator;
import io.webhookkit.core.provider.Provider;
import io.webhookkit.core.provider.ProviderRules;
import io.webhookkit.core.provider.ProviderSettings;
import io.webhookkit.core.signature.TokenSignatureScheme;

/**
 * Flutterwave (v3): {@code verif-hash} carries the secret hash set in the dashboard (compared in
 * constant time; a shared token, not a signature of the body). Delivery id the transaction's {@code
 * data.id}; event type {@code event} ({@code charge.completed}, …).
 *
 * @see <a href="https://developer.flutterwave.com/docs/webhooks">Flutterwave: webhooks</a>
 */
public final class FlutterwaveProvider implements Provider {
  /** Creates the preset; called by {@link java.util.ServiceLoader}. */
  public FlutterwaveProvider() {}

  @Override
  public String name() {
    return "flutterwave";
  }

  @Override
  public ProviderRules rules(ProviderSettings settings) {
    return ProviderRules.builder()
        .signatureScheme(
            TokenSignatureScheme.builder().header("verif-hash").secrets(settings.secrets()).build())
        .deliveryId(Locator.json("data.id"))
        .eventType(Locator.json("event"))
        .build();
  }
}

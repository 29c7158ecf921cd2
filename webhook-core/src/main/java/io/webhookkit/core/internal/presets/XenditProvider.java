package io.webhookkit.core.internal.presets;

import io.webhookkit.core.provider.Locator;
import io.webhookkit.core.provider.Provider;
import io.webhookkit.core.provider.ProviderRules;
import io.webhookkit.core.provider.ProviderSettings;
import io.webhookkit.core.signature.TokenSignatureScheme;

/**
 * Xendit: {@code x-callback-token} carries the account's callback verification token (compared in
 * constant time; a shared token, not a signature of the body). Delivery id {@code webhook-id}
 * (Xendit's idempotency header), else the JSON {@code id}.
 *
 * @see <a href="https://docs.xendit.co/docs/handling-webhooks">Xendit: handling webhooks</a>
 */
public final class XenditProvider implements Provider {
  /** Creates the preset; called by {@link java.util.ServiceLoader}. */
  public XenditProvider() {}

  @Override
  public String name() {
    return "xendit";
  }

  @Override
  public ProviderRules rules(ProviderSettings settings) {
    return ProviderRules.builder()
        .signatureScheme(
            TokenSignatureScheme.builder()
                .header("x-callback-token")
                .secrets(settings.secrets())
                .build())
        .deliveryId(Locator.header("webhook-id"), Locator.json("id"))
        .build();
  }
}

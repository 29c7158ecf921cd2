package io.webhookkit.core.internal.presets;

import io.webhookkit.core.provider.Locator;
import io.webhookkit.core.provider.Provider;
import io.webhookkit.core.provider.ProviderRules;
import io.webhookkit.core.provider.ProviderSettings;
import io.webhookkit.core.signature.HmacSignatureScheme;

/**
 * Cal.com: {@code X-Cal-Signature-256}, the hex HMAC-SHA256 of the body keyed with the webhook's
 * secret; no delivery id is sent (the body's SHA-256 is used); event type JSON {@code
 * triggerEvent}.
 *
 * @see <a href="https://cal.com/docs/developing/guides/automation/webhooks">Cal.com: webhooks</a>
 */
public final class CalComProvider implements Provider {
  /** Creates the preset; called by {@link java.util.ServiceLoader}. */
  public CalComProvider() {}

  @Override
  public String name() {
    return "calcom";
  }

  @Override
  public ProviderRules rules(ProviderSettings settings) {
    return ProviderRules.builder()
        .signatureScheme(
            HmacSignatureScheme.builder()
                .header("X-Cal-Signature-256")
                .secrets(settings.secrets())
                .build())
        .deliveryId(Locator.bodySha256())
        .eventType(Locator.json("triggerEvent"))
        .build();
  }
}

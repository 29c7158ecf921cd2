package io.webhookkit.core.internal.presets;

import io.webhookkit.core.provider.Locator;
import io.webhookkit.core.provider.Provider;
import io.webhookkit.core.provider.ProviderRules;
import io.webhookkit.core.provider.ProviderSettings;
import io.webhookkit.core.signature.HmacSignatureScheme;

/**
 * PagerDuty (v3 webhooks): {@code X-PagerDuty-Signature: v1=<hex>[,v1=<hex>…]}, each an HMAC-SHA256
 * of the body with one of the subscription's secrets (several during a rotation); delivery id
 * {@code event.id}; event type {@code event.event_type}.
 *
 * @see <a href="https://developer.pagerduty.com/docs/webhooks/webhook-signatures/">PagerDuty:
 *     verifying signatures</a>
 */
public final class PagerDutyProvider implements Provider {
  /** Creates the preset; called by {@link java.util.ServiceLoader}. */
  public PagerDutyProvider() {}

  @Override
  public String name() {
    return "pagerduty";
  }

  @Override
  public ProviderRules rules(ProviderSettings settings) {
    return ProviderRules.builder()
        .signatureScheme(
            HmacSignatureScheme.builder()
                .header("X-PagerDuty-Signature")
                .prefix("v1=")
                .secrets(settings.secrets())
                .build())
        .deliveryId(Locator.header("X-Webhook-Id"), Locator.json("event.id"))
        .eventType(Locator.json("event.event_type"))
        .build();
  }
}

package io.webhookkit.core.internal.presets;

import io.webhookkit.core.provider.Locator;
import io.webhookkit.core.provider.Provider;
import io.webhookkit.core.provider.ProviderRules;
import io.webhookkit.core.provider.ProviderSettings;
import io.webhookkit.core.signature.KeyValueSignatureScheme;
import io.webhookkit.core.signature.TimestampFormat;

/**
 * WorkOS: {@code WorkOS-Signature: t=<Unix ms>, v1=<hex>}, HMAC-SHA256 over {@code <t>.<body>}
 * keyed with the endpoint's secret (as workos-node's {@code webhooks.verifyHeader}; the kit holds
 * {@code t} to the window both ways, the SDK only to the past). Delivery id: the event's JSON
 * {@code id}; event type {@code event}.
 *
 * @see <a href="https://workos.com/docs/events/data-syncing/webhooks">WorkOS: webhooks</a>
 */
public final class WorkOsProvider implements Provider {
  /** Creates the preset; called by {@link java.util.ServiceLoader}. */
  public WorkOsProvider() {}

  @Override
  public String name() {
    return "workos";
  }

  @Override
  public ProviderRules rules(ProviderSettings settings) {
    return ProviderRules.builder()
        .signatureScheme(
            KeyValueSignatureScheme.builder()
                .header("WorkOS-Signature")
                .timestampFormat(TimestampFormat.MILLIS)
                .secrets(settings.secrets())
                .build())
        .deliveryId(Locator.json("id"))
        .eventType(Locator.json("event"))
        .build();
  }
}

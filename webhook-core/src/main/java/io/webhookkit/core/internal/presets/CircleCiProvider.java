package io.webhookkit.core.internal.presets;

import io.webhookkit.core.provider.Locator;
import io.webhookkit.core.provider.Provider;
import io.webhookkit.core.provider.ProviderRules;
import io.webhookkit.core.provider.ProviderSettings;
import io.webhookkit.core.signature.HmacSignatureScheme;

/**
 * CircleCI outbound webhooks: {@code circleci-signature: v1=<hex>}, HMAC-SHA256 of the body keyed
 * with the webhook's secret token (CircleCI may add further comma-separated versions: any {@code
 * v1} entry matching verifies). Delivery id: the event's JSON {@code id} (CircleCI's advice for
 * duplicates); event type {@code circleci-event-type}, else JSON {@code type}.
 *
 * @see <a href="https://circleci.com/docs/guides/integration/outbound-webhooks/">CircleCI: outbound
 *     webhooks</a>
 */
public final class CircleCiProvider implements Provider {
  /** Creates the preset; called by {@link java.util.ServiceLoader}. */
  public CircleCiProvider() {}

  @Override
  public String name() {
    return "circleci";
  }

  @Override
  public ProviderRules rules(ProviderSettings settings) {
    return ProviderRules.builder()
        .signatureScheme(
            HmacSignatureScheme.builder()
                .header("circleci-signature")
                .prefix("v1=")
                .secrets(settings.secrets())
                .build())
        .deliveryId(Locator.json("id"))
        .eventType(Locator.header("circleci-event-type"), Locator.json("type"))
        .build();
  }
}

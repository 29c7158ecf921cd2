package io.webhookkit.core.internal.presets;

import io.webhookkit.core.provider.Locator;
import io.webhookkit.core.provider.Provider;
import io.webhookkit.core.provider.ProviderRules;
import io.webhookkit.core.provider.ProviderSettings;
import io.webhookkit.core.signature.StandardWebhooksSignatureScheme;
import java.util.List;

/**
 * Lithic: Standard Webhooks ({@code webhook-id}, {@code webhook-timestamp}, {@code
 * webhook-signature}, the event subscription's {@code whsec_} secret); event type {@code
 * event_type}.
 *
 * @see <a href="https://docs.lithic.com/docs/events-api">Lithic: events and webhooks</a>
 */
public final class LithicProvider implements Provider {
  /** Creates the preset; called by {@link java.util.ServiceLoader}. */
  public LithicProvider() {}

  @Override
  public String name() {
    return "lithic";
  }

  @Override
  public ProviderRules rules(ProviderSettings settings) {
    return StandardWebhooksProvider.rules(
        settings,
        List.of(StandardWebhooksSignatureScheme.STANDARD),
        settings.secrets(),
        Locator.json("event_type"));
  }
}

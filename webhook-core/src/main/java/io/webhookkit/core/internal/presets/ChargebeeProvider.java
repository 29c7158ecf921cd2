package io.webhookkit.core.internal.presets;

import io.webhookkit.core.provider.Locator;
import io.webhookkit.core.provider.Provider;
import io.webhookkit.core.provider.ProviderRules;
import io.webhookkit.core.provider.ProviderSettings;

/**
 * Chargebee: no signature; the webhook's Basic authentication credentials arrive as {@code
 * Authorization: Basic …} ({@code secrets} is {@code user:password}, compared in constant time).
 * Delivery id the event's {@code id}; event type {@code event_type}.
 *
 * @see <a href="https://www.chargebee.com/docs/2.0/webhook_settings.html">Chargebee: webhook
 *     settings, basic authentication</a>
 */
public final class ChargebeeProvider implements Provider {
  /** Creates the preset; called by {@link java.util.ServiceLoader}. */
  public ChargebeeProvider() {}

  @Override
  public String name() {
    return "chargebee";
  }

  @Override
  public ProviderRules rules(ProviderSettings settings) {
    return ProviderRules.builder()
        .signatureScheme(BasicAuth.scheme(settings))
        .deliveryId(Locator.json("id"))
        .eventType(Locator.json("event_type"))
        .build();
  }
}

package io.webhookkit.core.internal.presets;

import io.webhookkit.core.provider.Locator;
import io.webhookkit.core.provider.Provider;
import io.webhookkit.core.provider.ProviderRules;
import io.webhookkit.core.provider.ProviderSettings;

/**
 * Postmark: no signature; the Basic authentication credentials set in the webhook URL arrive as
 * {@code Authorization: Basic …} ({@code secrets} is {@code user:password}, compared in constant
 * time). Event type {@code RecordType} ({@code Delivery}, {@code Bounce}, …); no delivery id: the
 * body's SHA-256.
 *
 * @see <a href="https://postmarkapp.com/developer/webhooks/webhooks-overview">Postmark: webhooks,
 *     protecting your webhook</a>
 */
public final class PostmarkProvider implements Provider {
  /** Creates the preset; called by {@link java.util.ServiceLoader}. */
  public PostmarkProvider() {}

  @Override
  public String name() {
    return "postmark";
  }

  @Override
  public ProviderRules rules(ProviderSettings settings) {
    return ProviderRules.builder()
        .signatureScheme(BasicAuth.scheme(settings))
        .deliveryId(Locator.bodySha256())
        .eventType(Locator.json("RecordType"))
        .build();
  }
}

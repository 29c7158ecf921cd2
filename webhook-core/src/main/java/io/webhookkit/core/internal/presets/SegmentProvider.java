package io.webhookkit.core.internal.presets;

import io.webhookkit.core.provider.Locator;
import io.webhookkit.core.provider.Provider;
import io.webhookkit.core.provider.ProviderRules;
import io.webhookkit.core.provider.ProviderSettings;
import io.webhookkit.core.signature.HmacAlgorithm;
import io.webhookkit.core.signature.HmacSignatureScheme;

/**
 * Segment (webhooks destination): {@code X-Signature}, the hex HMAC-SHA1 of the body keyed with the
 * destination's shared secret. Delivery id {@code messageId}; event type {@code type} ({@code
 * track}, {@code identify}, …).
 *
 * @see <a href="https://segment.com/docs/connections/destinations/catalog/webhooks/">Segment:
 *     webhooks destination</a>
 */
public final class SegmentProvider implements Provider {
  /** Creates the preset; called by {@link java.util.ServiceLoader}. */
  public SegmentProvider() {}

  @Override
  public String name() {
    return "segment";
  }

  @Override
  public ProviderRules rules(ProviderSettings settings) {
    return ProviderRules.builder()
        .signatureScheme(
            HmacSignatureScheme.builder()
                .header("X-Signature")
                .algorithm(HmacAlgorithm.SHA1)
                .secrets(settings.secrets())
                .build())
        .deliveryId(Locator.json("messageId"))
        .eventType(Locator.json("type"))
        .build();
  }
}

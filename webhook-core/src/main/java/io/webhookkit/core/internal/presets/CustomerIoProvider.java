package io.webhookkit.core.internal.presets;

import io.webhookkit.core.provider.Locator;
import io.webhookkit.core.provider.Provider;
import io.webhookkit.core.provider.ProviderRules;
import io.webhookkit.core.provider.ProviderSettings;
import io.webhookkit.core.signature.HmacSignatureScheme;
import io.webhookkit.core.signature.SignedContent;

/**
 * Customer.io reporting webhooks: {@code X-CIO-Signature}, the hex HMAC-SHA256 of {@code
 * v0:<X-CIO-Timestamp>:<body>} keyed with the webhook's signing key. Delivery id {@code event_id};
 * event type {@code metric} ({@code sent}, {@code opened}, …).
 *
 * @see <a href="https://docs.customer.io/api/webhooks">Customer.io: reporting webhooks</a>
 */
public final class CustomerIoProvider implements Provider {
  /** Creates the preset; called by {@link java.util.ServiceLoader}. */
  public CustomerIoProvider() {}

  @Override
  public String name() {
    return "customerio";
  }

  @Override
  public ProviderRules rules(ProviderSettings settings) {
    return ProviderRules.builder()
        .signatureScheme(
            HmacSignatureScheme.builder()
                .header("X-CIO-Signature")
                .content(SignedContent.parse("v0:{timestamp}:{body}"))
                .timestampHeader("X-CIO-Timestamp")
                .secrets(settings.secrets())
                .build())
        .deliveryId(Locator.json("event_id"))
        .eventType(Locator.json("metric"))
        .build();
  }
}

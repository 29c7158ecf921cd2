package io.webhookkit.core.internal.presets;

import io.webhookkit.core.provider.Locator;
import io.webhookkit.core.provider.Provider;
import io.webhookkit.core.provider.ProviderRules;
import io.webhookkit.core.provider.ProviderSettings;
import io.webhookkit.core.signature.BodySignatureSchemes;
import io.webhookkit.core.signature.HmacSignatureScheme;
import io.webhookkit.core.signature.TimestampFormat;

/**
 * Linear: {@code Linear-Signature}, the hex HMAC-SHA256 of the body; the signed body's {@code
 * webhookTimestamp} (milliseconds) is checked against the window. Delivery id {@code Linear-
 * Delivery}; event type {@code Linear-Event}, else {@code type}.
 *
 * @see <a href="https://linear.app/developers/webhooks#securing-webhooks">Linear: securing
 *     webhooks</a>
 */
public final class LinearProvider implements Provider {
  /** Creates the preset; called by {@link java.util.ServiceLoader}. */
  public LinearProvider() {}

  @Override
  public String name() {
    return "linear";
  }

  @Override
  public ProviderRules rules(ProviderSettings settings) {
    return ProviderRules.builder()
        .signatureScheme(
            BodySignatureSchemes.bodyTimestamp(
                HmacSignatureScheme.builder()
                    .header("Linear-Signature")
                    .secrets(settings.secrets())
                    .build(),
                "webhookTimestamp",
                TimestampFormat.MILLIS))
        .deliveryId(Locator.header("Linear-Delivery"), Locator.json("webhookId"))
        .eventType(Locator.header("Linear-Event"), Locator.json("type"))
        .build();
  }
}

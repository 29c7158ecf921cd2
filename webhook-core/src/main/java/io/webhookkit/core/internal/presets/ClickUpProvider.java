package io.webhookkit.core.internal.presets;

import io.webhookkit.core.provider.Locator;
import io.webhookkit.core.provider.Provider;
import io.webhookkit.core.provider.ProviderRules;
import io.webhookkit.core.provider.ProviderSettings;
import io.webhookkit.core.signature.HmacSignatureScheme;

/**
 * ClickUp: {@code X-Signature}, the hex HMAC-SHA256 of the body keyed with the {@code secret}
 * returned when the webhook was created. Event type {@code event} ({@code taskCreated}, …); no
 * delivery id: the body's SHA-256.
 *
 * @see <a href="https://developer.clickup.com/docs/webhooksignature">ClickUp: webhook signature</a>
 */
public final class ClickUpProvider implements Provider {
  /** Creates the preset; called by {@link java.util.ServiceLoader}. */
  public ClickUpProvider() {}

  @Override
  public String name() {
    return "clickup";
  }

  @Override
  public ProviderRules rules(ProviderSettings settings) {
    return ProviderRules.builder()
        .signatureScheme(
            HmacSignatureScheme.builder().header("X-Signature").secrets(settings.secrets()).build())
        .deliveryId(Locator.bodySha256())
        .eventType(Locator.json("event"))
        .build();
  }
}

package io.webhookkit.core.internal.presets;

import io.webhookkit.core.provider.Locator;
import io.webhookkit.core.provider.PayloadFormat;
import io.webhookkit.core.provider.Provider;
import io.webhookkit.core.provider.ProviderRules;
import io.webhookkit.core.provider.ProviderSettings;
import io.webhookkit.core.signature.HmacSignatureScheme;
import io.webhookkit.core.signature.SignatureEncoding;
import java.time.Duration;

/**
 * Shopify: {@code X-Shopify-Hmac-SHA256: <base64 HMAC-SHA256 of the body>} keyed with the app's
 * client secret; delivery id {@code X-Shopify-Webhook-Id}; topic {@code X-Shopify-Topic}. The
 * delivery id is not signed.
 *
 * @see <a
 *     href="https://shopify.dev/docs/apps/build/webhooks/subscribe/https#step-5-verify-the-webhook">Shopify:
 *     verify a webhook</a>
 */
public final class ShopifyProvider implements Provider {
  /** Creates the preset; called by {@link java.util.ServiceLoader}. */
  public ShopifyProvider() {}

  @Override
  public String name() {
    return "shopify";
  }

  @Override
  public ProviderRules rules(ProviderSettings settings) {
    return ProviderRules.builder()
        .signatureScheme(
            HmacSignatureScheme.builder()
                .header("X-Shopify-Hmac-SHA256")
                .encoding(SignatureEncoding.BASE64)
                .secrets(settings.secrets())
                .build())
        .payloadFormat(PayloadFormat.JSON)
        .deliveryId(Locator.header("X-Shopify-Webhook-Id"))
        .eventType(Locator.header("X-Shopify-Topic"))
        .attribute("shop-domain", Locator.header("X-Shopify-Shop-Domain"))
        .build();
  }

  /** About 80 % of Shopify's timeout (5 s). */
  @Override
  public Duration deadline() {
    return Duration.ofSeconds(4);
  }
}

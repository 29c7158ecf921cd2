package io.webhookkit.core.internal.presets;

import io.webhookkit.core.provider.Locator;
import io.webhookkit.core.provider.Provider;
import io.webhookkit.core.provider.ProviderRules;
import io.webhookkit.core.provider.ProviderSettings;
import io.webhookkit.core.signature.HmacSignatureScheme;
import io.webhookkit.core.signature.SignatureEncoding;

/**
 * Heroku app webhooks: {@code Heroku-Webhook-Hmac-SHA256}, the base64 HMAC-SHA256 of the body keyed
 * with the subscription's secret. Delivery id {@code Heroku-Webhook-Id}; event type the JSON {@code
 * resource} ({@code release}, {@code build}, …); attribute {@code action}.
 *
 * @see <a href="https://devcenter.heroku.com/articles/app-webhooks">Heroku: app webhooks</a>
 */
public final class HerokuProvider implements Provider {
  /** Creates the preset; called by {@link java.util.ServiceLoader}. */
  public HerokuProvider() {}

  @Override
  public String name() {
    return "heroku";
  }

  @Override
  public ProviderRules rules(ProviderSettings settings) {
    return ProviderRules.builder()
        .signatureScheme(
            HmacSignatureScheme.builder()
                .header("Heroku-Webhook-Hmac-SHA256")
                .encoding(SignatureEncoding.BASE64)
                .secrets(settings.secrets())
                .build())
        .deliveryId(Locator.header("Heroku-Webhook-Id"))
        .eventType(Locator.json("resource"))
        .attribute("action", Locator.json("action"))
        .build();
  }
}

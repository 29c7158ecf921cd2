package io.webhookkit.core.internal.presets;

import io.webhookkit.core.provider.Locator;
import io.webhookkit.core.provider.Provider;
import io.webhookkit.core.provider.ProviderRules;
import io.webhookkit.core.provider.ProviderSettings;
import io.webhookkit.core.signature.HmacSignatureScheme;

/**
 * GoCardless: {@code Webhook-Signature}, the hex HMAC-SHA256 of the body keyed with the webhook
 * endpoint's secret (as gocardless-pro-java's {@code Webhook.isValidSignature}). A webhook carries
 * a batch of {@code events} and no delivery id: the body's SHA-256 is used; the events' types are
 * in the body. GoCardless asks for 498 on a bad signature; the kit answers 401 like every preset,
 * which GoCardless treats as a failure all the same.
 *
 * @see <a href="https://developer.gocardless.com/api-reference/#appendix-webhooks">GoCardless:
 *     webhooks</a>
 */
public final class GoCardlessProvider implements Provider {
  /** Creates the preset; called by {@link java.util.ServiceLoader}. */
  public GoCardlessProvider() {}

  @Override
  public String name() {
    return "gocardless";
  }

  @Override
  public ProviderRules rules(ProviderSettings settings) {
    return ProviderRules.builder()
        .signatureScheme(
            HmacSignatureScheme.builder()
                .header("Webhook-Signature")
                .secrets(settings.secrets())
                .build())
        .deliveryId(Locator.bodySha256())
        .build();
  }
}

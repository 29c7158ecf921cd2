package io.webhookkit.core.internal.presets;

import io.webhookkit.core.provider.Locator;
import io.webhookkit.core.provider.Provider;
import io.webhookkit.core.provider.ProviderRules;
import io.webhookkit.core.provider.ProviderSettings;
import io.webhookkit.core.signature.HmacSignatureScheme;

/**
 * Razorpay: {@code X-Razorpay-Signature}, the hex HMAC-SHA256 of the body keyed with the webhook
 * secret; delivery id {@code x-razorpay-event-id} (the same on retries), event type JSON {@code
 * event}.
 *
 * @see <a href="https://razorpay.com/docs/webhooks/validate-test/">Razorpay: validate and test
 *     webhooks</a>
 */
public final class RazorpayProvider implements Provider {
  /** Creates the preset; called by {@link java.util.ServiceLoader}. */
  public RazorpayProvider() {}

  @Override
  public String name() {
    return "razorpay";
  }

  @Override
  public ProviderRules rules(ProviderSettings settings) {
    return ProviderRules.builder()
        .signatureScheme(
            HmacSignatureScheme.builder()
                .header("X-Razorpay-Signature")
                .secrets(settings.secrets())
                .build())
        .deliveryId(Locator.header("x-razorpay-event-id"))
        .eventType(Locator.json("event"))
        .build();
  }
}

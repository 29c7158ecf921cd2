package io.webhookkit.core.internal.presets;

import io.webhookkit.core.provider.Locator;
import io.webhookkit.core.provider.Provider;
import io.webhookkit.core.provider.ProviderRules;
import io.webhookkit.core.provider.ProviderSettings;
import io.webhookkit.core.signature.PublicKeySignatureScheme;

/**
 * Twilio SendGrid Event Webhook: {@code X-Twilio-Email-Event-Webhook-Signature}, a base64 ECDSA
 * P-256/SHA-256 signature of {@code X-Twilio-Email-Event-Webhook-Timestamp} followed by the body,
 * verified with the verification key (configured as the {@code secrets}, base64) by the JDK alone.
 * Events come in a JSON array without a delivery id: the body's SHA-256 is used.
 *
 * @see <a
 *     href="https://www.twilio.com/docs/sendgrid/for-developers/tracking-events/getting-started-event-webhook-security-features">SendGrid:
 *     event webhook security features</a>
 */
public final class SendGridProvider implements Provider {
  /** Creates the preset; called by {@link java.util.ServiceLoader}. */
  public SendGridProvider() {}

  @Override
  public String name() {
    return "sendgrid";
  }

  @Override
  public ProviderRules rules(ProviderSettings settings) {
    return ProviderRules.builder()
        .signatureScheme(
            PublicKeySignatureScheme.of(
                PublicKeySignatureScheme.Algorithm.ECDSA_P256,
                "X-Twilio-Email-Event-Webhook-Signature",
                "X-Twilio-Email-Event-Webhook-Timestamp",
                settings.secrets()))
        .deliveryId(Locator.bodySha256())
        .build();
  }
}

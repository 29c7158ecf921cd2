package io.webhookkit.core.internal.presets;

import io.webhookkit.core.provider.Locator;
import io.webhookkit.core.provider.PayloadFormat;
import io.webhookkit.core.provider.Provider;
import io.webhookkit.core.provider.ProviderKey;
import io.webhookkit.core.provider.ProviderRules;
import io.webhookkit.core.provider.ProviderSettings;
import io.webhookkit.core.signature.TwilioSignatureScheme;
import java.util.List;

/**
 * Twilio: {@code X-Twilio-Signature}, the base64 HMAC-SHA1 (auth token) of the public URL plus the
 * sorted form parameters, or of the URL carrying {@code bodySHA256} for JSON bodies; the URL is
 * {@code public-url} when set, else rebuilt from the request (forwarding headers from trusted
 * proxies only), tried with and without the default port. Delivery id {@code I-Twilio-Idempotency-
 * Token}, else the body's SHA-256. No signed timestamp.
 *
 * @see <a href="https://www.twilio.com/docs/usage/webhooks/webhooks-security">Twilio: webhooks
 *     security</a>
 */
public final class TwilioProvider implements Provider {
  /** Creates the preset; called by {@link java.util.ServiceLoader}. */
  public TwilioProvider() {}

  @Override
  public String name() {
    return "twilio";
  }

  @Override
  public List<ProviderKey> keys() {
    return List.of(ProviderKey.PUBLIC_URL);
  }

  @Override
  public ProviderRules rules(ProviderSettings settings) {
    return ProviderRules.builder()
        .signatureScheme(TwilioSignatureScheme.of(settings.secrets()))
        .publicUrl(settings.publicUrl())
        .payloadFormat(PayloadFormat.JSON_OR_FORM)
        .deliveryId(Locator.header("I-Twilio-Idempotency-Token"), Locator.bodySha256())
        .eventType(Locator.form("SmsStatus"), Locator.form("CallStatus"))
        .build();
  }
}

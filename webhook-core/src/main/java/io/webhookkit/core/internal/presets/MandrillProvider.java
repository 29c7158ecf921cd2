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
 * Mailchimp Transactional (Mandrill): {@code X-Mandrill-Signature}, the base64 HMAC-SHA1 (webhook
 * key) of the webhook URL exactly as registered (set {@code public-url} to it) followed by the form
 * parameters sorted by name, each name then value — Twilio's algorithm. The {@code HEAD} Mandrill
 * sends when the webhook is added is answered 200. A delivery is a batch ({@code mandrill_events},
 * a JSON array): its id is the body's SHA-256.
 *
 * @see <a
 *     href="https://mailchimp.com/developer/transactional/guides/track-respond-activity-webhooks/#authenticating-webhook-requests">Mailchimp
 *     Transactional: authenticating webhook requests</a>
 */
public final class MandrillProvider implements Provider {
  /** Creates the preset; called by {@link java.util.ServiceLoader}. */
  public MandrillProvider() {}

  @Override
  public String name() {
    return "mandrill";
  }

  @Override
  public List<ProviderKey> keys() {
    return List.of(ProviderKey.PUBLIC_URL);
  }

  @Override
  public ProviderRules rules(ProviderSettings settings) {
    return ProviderRules.builder()
        .signatureScheme(TwilioSignatureScheme.of("X-Mandrill-Signature", settings.secrets()))
        .publicUrl(settings.publicUrl())
        .payloadFormat(PayloadFormat.FORM)
        .deliveryId(Locator.bodySha256())
        .handshake(Handshakes.headCheck())
        .build();
  }
}

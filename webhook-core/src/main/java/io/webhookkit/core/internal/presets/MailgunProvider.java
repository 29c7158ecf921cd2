package io.webhookkit.core.internal.presets;

import io.webhookkit.core.provider.Locator;
import io.webhookkit.core.provider.PayloadFormat;
import io.webhookkit.core.provider.Provider;
import io.webhookkit.core.provider.ProviderRules;
import io.webhookkit.core.provider.ProviderSettings;
import io.webhookkit.core.signature.BodySignatureSchemes;

/**
 * Mailgun: the {@code signature} object inside the JSON body ({@code timestamp}, {@code token},
 * {@code signature} = hex HMAC-SHA256 of timestamp and token, keyed with the webhook signing key),
 * or the same three form fields; the timestamp is checked against the window. Delivery id {@code
 * event-data.id}, else the token; event type {@code event-data.event}.
 *
 * @see <a
 *     href="https://documentation.mailgun.com/docs/mailgun/user-manual/tracking-messages/#securing-webhooks">Mailgun:
 *     securing webhooks</a>
 */
public final class MailgunProvider implements Provider {
  /** Creates the preset; called by {@link java.util.ServiceLoader}. */
  public MailgunProvider() {}

  @Override
  public String name() {
    return "mailgun";
  }

  @Override
  public ProviderRules rules(ProviderSettings settings) {
    return ProviderRules.builder()
        .signatureScheme(BodySignatureSchemes.mailgun(settings.secrets()))
        .payloadFormat(PayloadFormat.JSON_OR_FORM)
        .deliveryId(
            Locator.json("event-data.id"), Locator.json("signature.token"), Locator.form("token"))
        .eventType(Locator.json("event-data.event"), Locator.form("event"))
        .build();
  }
}

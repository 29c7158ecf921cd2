package io.webhookkit.core.internal.presets;

import io.webhookkit.core.provider.Locator;
import io.webhookkit.core.provider.Provider;
import io.webhookkit.core.provider.ProviderRules;
import io.webhookkit.core.provider.ProviderSettings;
import io.webhookkit.core.signature.HmacSignatureScheme;
import io.webhookkit.core.signature.SecretEncoding;
import io.webhookkit.core.signature.SignatureEncoding;

/**
 * Microsoft Teams outgoing webhooks: {@code Authorization: HMAC <base64>}, HMAC-SHA256 of the body
 * keyed with the base64-decoded security token Teams shows when the webhook is created (that base64
 * text is the secret to configure). Delivery id the activity's {@code id}; event type {@code type}.
 *
 * @see <a
 *     href="https://learn.microsoft.com/en-us/microsoftteams/platform/webhooks-and-connectors/how-to/add-outgoing-webhook">Microsoft
 *     Teams: outgoing webhooks</a>
 */
public final class MicrosoftTeamsProvider implements Provider {
  /** Creates the preset; called by {@link java.util.ServiceLoader}. */
  public MicrosoftTeamsProvider() {}

  @Override
  public String name() {
    return "msteams";
  }

  @Override
  public ProviderRules rules(ProviderSettings settings) {
    return ProviderRules.builder()
        .signatureScheme(
            HmacSignatureScheme.builder()
                .header("Authorization")
                .encoding(SignatureEncoding.BASE64)
                .secretEncoding(SecretEncoding.BASE64)
                .secrets(settings.secrets())
                .build())
        .deliveryId(Locator.json("id"))
        .eventType(Locator.json("type"))
        .build();
  }
}

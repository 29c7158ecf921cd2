package io.webhookkit.core.internal.presets;

import io.webhookkit.core.provider.Locator;
import io.webhookkit.core.provider.Provider;
import io.webhookkit.core.provider.ProviderKey;
import io.webhookkit.core.provider.ProviderRules;
import io.webhookkit.core.provider.ProviderSettings;
import io.webhookkit.core.signature.HmacSignatureScheme;
import io.webhookkit.core.signature.SignatureEncoding;
import io.webhookkit.core.signature.SignedContent;
import java.util.List;

/**
 * Square: {@code x-square-hmacsha256-signature}, the base64 HMAC-SHA256 (signature key) of the
 * notification URL followed by the body; set {@code public-url} to the notification URL exactly as
 * entered in Square. Delivery id {@code event_id}; event type {@code type}.
 *
 * @see <a href="https://developer.squareup.com/docs/webhooks/step3validate">Square: verify and
 *     validate an event notification</a>
 */
public final class SquareProvider implements Provider {
  /** Creates the preset; called by {@link java.util.ServiceLoader}. */
  public SquareProvider() {}

  @Override
  public String name() {
    return "square";
  }

  @Override
  public List<ProviderKey> keys() {
    return List.of(ProviderKey.PUBLIC_URL);
  }

  @Override
  public ProviderRules rules(ProviderSettings settings) {
    return ProviderRules.builder()
        .signatureScheme(
            HmacSignatureScheme.builder()
                .header("x-square-hmacsha256-signature")
                .encoding(SignatureEncoding.BASE64)
                .content(SignedContent.parse("{url}{body}"))
                .secrets(settings.secrets())
                .build())
        .publicUrl(settings.publicUrl())
        .deliveryId(Locator.json("event_id"))
        .eventType(Locator.json("type"))
        .build();
  }
}

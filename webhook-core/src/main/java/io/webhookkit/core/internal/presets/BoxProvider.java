package io.webhookkit.core.internal.presets;

import io.webhookkit.core.provider.Locator;
import io.webhookkit.core.provider.Provider;
import io.webhookkit.core.provider.ProviderRules;
import io.webhookkit.core.provider.ProviderSettings;
import io.webhookkit.core.signature.HmacSignatureScheme;
import io.webhookkit.core.signature.SignatureEncoding;
import io.webhookkit.core.signature.SignedContent;
import io.webhookkit.core.signature.TimestampFormat;

/**
 * Box: {@code box-signature-primary} and {@code box-signature-secondary}, each the base64
 * HMAC-SHA256 of the body followed by the RFC 3339 {@code box-delivery-timestamp}, keyed with the
 * primary and the secondary signature key (configure both as {@code secrets}: either header
 * matching either key verifies, so the keys rotate one at a time); delivery id {@code
 * box-delivery-id}, event type JSON {@code trigger}.
 *
 * @see <a href="https://developer.box.com/guides/webhooks/v2/signatures-v2/">Box: signature
 *     verification</a>
 */
public final class BoxProvider implements Provider {
  /** Creates the preset; called by {@link java.util.ServiceLoader}. */
  public BoxProvider() {}

  @Override
  public String name() {
    return "box";
  }

  @Override
  public ProviderRules rules(ProviderSettings settings) {
    return ProviderRules.builder()
        .signatureScheme(
            HmacSignatureScheme.builder()
                .header("box-signature-primary")
                .alsoHeader("box-signature-secondary")
                .encoding(SignatureEncoding.BASE64)
                .content(SignedContent.parse("{body}{timestamp}"))
                .timestampHeader("box-delivery-timestamp")
                .timestampFormat(TimestampFormat.RFC3339)
                .secrets(settings.secrets())
                .build())
        .deliveryId(Locator.header("box-delivery-id"))
        .eventType(Locator.json("trigger"))
        .build();
  }
}

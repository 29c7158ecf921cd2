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
 * Zendesk: {@code X-Zendesk-Webhook-Signature}, the base64 HMAC-SHA256 of the signing timestamp
 * followed by the body (no separator), the timestamp in {@code
 * X-Zendesk-Webhook-Signature-Timestamp} (RFC 3339, held to the window). Delivery id {@code
 * X-Zendesk-Webhook-Invocation-Id}; event type the JSON {@code type} of event subscriptions ({@code
 * zen:event-type:…}); trigger and automation payloads are the user's own.
 *
 * @see <a href="https://developer.zendesk.com/documentation/webhooks/verifying/">Zendesk: verifying
 *     webhook authenticity</a>
 */
public final class ZendeskProvider implements Provider {
  /** Creates the preset; called by {@link java.util.ServiceLoader}. */
  public ZendeskProvider() {}

  @Override
  public String name() {
    return "zendesk";
  }

  @Override
  public ProviderRules rules(ProviderSettings settings) {
    return ProviderRules.builder()
        .signatureScheme(
            HmacSignatureScheme.builder()
                .header("X-Zendesk-Webhook-Signature")
                .encoding(SignatureEncoding.BASE64)
                .content(SignedContent.parse("{timestamp}{body}"))
                .timestampHeader("X-Zendesk-Webhook-Signature-Timestamp")
                .timestampFormat(TimestampFormat.RFC3339)
                .secrets(settings.secrets())
                .build())
        .deliveryId(Locator.header("X-Zendesk-Webhook-Invocation-Id"))
        .eventType(Locator.json("type"))
        .build();
  }
}

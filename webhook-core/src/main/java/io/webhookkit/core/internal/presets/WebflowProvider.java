package io.webhookkit.core.internal.presets;

import io.webhookkit.core.provider.Locator;
import io.webhookkit.core.provider.Provider;
import io.webhookkit.core.provider.ProviderRules;
import io.webhookkit.core.provider.ProviderSettings;
import io.webhookkit.core.signature.HmacSignatureScheme;
import io.webhookkit.core.signature.SignedContent;
import io.webhookkit.core.signature.TimestampFormat;

/**
 * Webflow: {@code x-webflow-signature}, the hex HMAC-SHA256 of {@code <x-webflow-timestamp>:<body>}
 * (the timestamp in milliseconds) keyed with the webhook's secret; no delivery id is sent (the
 * body's SHA-256 is used); event type {@code triggerType}.
 *
 * @see <a
 *     href="https://developers.webflow.com/data/docs/working-with-webhooks#validating-request-signatures">Webflow:
 *     validating request signatures</a>
 */
public final class WebflowProvider implements Provider {
  /** Creates the preset; called by {@link java.util.ServiceLoader}. */
  public WebflowProvider() {}

  @Override
  public String name() {
    return "webflow";
  }

  @Override
  public ProviderRules rules(ProviderSettings settings) {
    return ProviderRules.builder()
        .signatureScheme(
            HmacSignatureScheme.builder()
                .header("x-webflow-signature")
                .content(SignedContent.parse("{timestamp}:{body}"))
                .timestampHeader("x-webflow-timestamp")
                .timestampFormat(TimestampFormat.MILLIS)
                .secrets(settings.secrets())
                .build())
        .deliveryId(Locator.bodySha256())
        .eventType(Locator.json("triggerType"))
        .build();
  }
}

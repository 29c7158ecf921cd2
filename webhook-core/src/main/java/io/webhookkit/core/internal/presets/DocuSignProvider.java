package io.webhookkit.core.internal.presets;

import io.webhookkit.core.provider.Locator;
import io.webhookkit.core.provider.Provider;
import io.webhookkit.core.provider.ProviderRules;
import io.webhookkit.core.provider.ProviderSettings;
import io.webhookkit.core.signature.HmacSignatureScheme;
import io.webhookkit.core.signature.SignatureEncoding;

/**
 * DocuSign Connect with HMAC: {@code X-DocuSign-Signature-1} (and {@code -2} … while keys are
 * rotated; any may match), the base64 HMAC-SHA256 of the body keyed with the Connect HMAC key as
 * shown (not decoded). No delivery id: the body's SHA-256 (DocuSign's retries resend the same
 * message); event type {@code event} of the JSON (SIM) format.
 *
 * @see <a href="https://developers.docusign.com/platform/webhooks/connect/validate/">DocuSign: HMAC
 *     security for Connect</a>
 */
public final class DocuSignProvider implements Provider {
  /** Creates the preset; called by {@link java.util.ServiceLoader}. */
  public DocuSignProvider() {}

  @Override
  public String name() {
    return "docusign";
  }

  @Override
  public ProviderRules rules(ProviderSettings settings) {
    return ProviderRules.builder()
        .signatureScheme(
            HmacSignatureScheme.builder()
                .header("X-DocuSign-Signature-1")
                .alsoHeader("X-DocuSign-Signature-2")
                .alsoHeader("X-DocuSign-Signature-3")
                .encoding(SignatureEncoding.BASE64)
                .secrets(settings.secrets())
                .build())
        .deliveryId(Locator.bodySha256())
        .eventType(Locator.json("event"))
        .build();
  }
}

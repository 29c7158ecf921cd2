package io.webhookkit.core.internal.presets;

import io.webhookkit.core.provider.Locator;
import io.webhookkit.core.provider.Provider;
import io.webhookkit.core.provider.ProviderRules;
import io.webhookkit.core.provider.ProviderSettings;
import io.webhookkit.core.signature.BodySignatureSchemes;
import io.webhookkit.core.signature.HmacSignatureScheme;
import io.webhookkit.core.signature.SignatureEncoding;

/**
 * X (Twitter) Account Activity: {@code x-twitter-webhooks-signature: sha256=<base64 HMAC-SHA256 of
 * the body>} keyed with the consumer secret; the CRC {@code GET ?crc_token=…} is answered with its
 * {@code response_token} (keyed with the first secret); only JSON object bodies verify, so that the
 * CRC answer is no signing oracle. No delivery id is sent: the body's SHA-256 is used.
 *
 * @see <a href="https://docs.x.com/x-api/enterprise-gnip-2.0/fundamentals/account-activity">X:
 *     Account Activity API</a>
 */
public final class TwitterProvider implements Provider {
  /** Creates the preset; called by {@link java.util.ServiceLoader}. */
  public TwitterProvider() {}

  @Override
  public String name() {
    return "twitter";
  }

  @Override
  public ProviderRules rules(ProviderSettings settings) {
    return ProviderRules.builder()
        .signatureScheme(
            BodySignatureSchemes.jsonObjectsOnly(
                HmacSignatureScheme.builder()
                    .header("x-twitter-webhooks-signature")
                    .prefix("sha256=")
                    .encoding(SignatureEncoding.BASE64)
                    .secrets(settings.secrets())
                    .build()))
        .deliveryId(Locator.bodySha256())
        .handshake(Handshakes.twitterCrc(settings.secrets()))
        .build();
  }
}

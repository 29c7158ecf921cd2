package io.webhookkit.core.internal.presets;

import io.webhookkit.core.provider.Locator;
import io.webhookkit.core.provider.Provider;
import io.webhookkit.core.provider.ProviderRules;
import io.webhookkit.core.provider.ProviderSettings;
import io.webhookkit.core.signature.HmacSignatureScheme;

/**
 * Dropbox: {@code X-Dropbox-Signature}, the hex HMAC-SHA256 of the body keyed with the app secret;
 * the verification {@code GET ?challenge=…} is echoed as {@code text/plain} with {@code X-Content-
 * Type-Options: nosniff}. Notifications carry no id: the body's SHA-256 is used.
 *
 * @see <a href="https://www.dropbox.com/developers/reference/webhooks">Dropbox: webhooks</a>
 */
public final class DropboxProvider implements Provider {
  /** Creates the preset; called by {@link java.util.ServiceLoader}. */
  public DropboxProvider() {}

  @Override
  public String name() {
    return "dropbox";
  }

  @Override
  public ProviderRules rules(ProviderSettings settings) {
    return ProviderRules.builder()
        .signatureScheme(
            HmacSignatureScheme.builder()
                .header("X-Dropbox-Signature")
                .secrets(settings.secrets())
                .build())
        .deliveryId(Locator.bodySha256())
        .handshake(Handshakes.challengeEcho())
        .build();
  }
}

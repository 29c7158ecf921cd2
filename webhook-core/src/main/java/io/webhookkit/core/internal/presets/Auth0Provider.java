package io.webhookkit.core.internal.presets;

import io.webhookkit.core.provider.Locator;
import io.webhookkit.core.provider.Provider;
import io.webhookkit.core.provider.ProviderRules;
import io.webhookkit.core.provider.ProviderSettings;
import io.webhookkit.core.signature.TokenSignatureScheme;

/**
 * Auth0 log streams (custom webhook): the stream's "Authorization Token" arrives as the {@code
 * Authorization} header, bare or after {@code Bearer } (compared in constant time; a shared token,
 * not a signature of the body). A delivery is a batch of log events: no delivery id, the body's
 * SHA-256.
 *
 * @see <a href="https://auth0.com/docs/customize/log-streams/custom-log-streams">Auth0: custom log
 *     streams (HTTP)</a>
 */
public final class Auth0Provider implements Provider {
  /** Creates the preset; called by {@link java.util.ServiceLoader}. */
  public Auth0Provider() {}

  @Override
  public String name() {
    return "auth0";
  }

  @Override
  public ProviderRules rules(ProviderSettings settings) {
    return ProviderRules.builder()
        .signatureScheme(
            TokenSignatureScheme.builder()
                .header("Authorization")
                .bearer(true)
                .secrets(settings.secrets())
                .build())
        .deliveryId(Locator.bodySha256())
        .build();
  }
}

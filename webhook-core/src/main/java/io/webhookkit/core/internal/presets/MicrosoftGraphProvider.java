package io.webhookkit.core.internal.presets;

import io.webhookkit.core.provider.Locator;
import io.webhookkit.core.provider.Provider;
import io.webhookkit.core.provider.ProviderRules;
import io.webhookkit.core.provider.ProviderSettings;
import io.webhookkit.core.signature.BodySignatureSchemes;

/**
 * Microsoft Graph change notifications: every notification's {@code clientState} must equal one of
 * the secrets (the value given when the subscription was created); {@code ?validationToken=…} is
 * answered with the decoded token as {@code text/plain}. No delivery id is sent: the body's SHA-256
 * is used.
 *
 * @see <a
 *     href="https://learn.microsoft.com/en-us/graph/change-notifications-delivery-webhooks">Microsoft
 *     Graph: change notifications through webhooks</a>
 */
public final class MicrosoftGraphProvider implements Provider {
  /** Creates the preset; called by {@link java.util.ServiceLoader}. */
  public MicrosoftGraphProvider() {}

  @Override
  public String name() {
    return "microsoft-graph";
  }

  @Override
  public ProviderRules rules(ProviderSettings settings) {
    return ProviderRules.builder()
        .signatureScheme(BodySignatureSchemes.clientState(settings.secrets()))
        .deliveryId(Locator.bodySha256())
        .handshake(Handshakes.graphValidation())
        .build();
  }
}

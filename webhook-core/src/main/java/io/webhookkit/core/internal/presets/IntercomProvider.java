package io.webhookkit.core.internal.presets;

import io.webhookkit.core.provider.Locator;
import io.webhookkit.core.provider.Provider;
import io.webhookkit.core.provider.ProviderRules;
import io.webhookkit.core.provider.ProviderSettings;
import io.webhookkit.core.signature.HmacAlgorithm;
import io.webhookkit.core.signature.HmacSignatureScheme;

/**
 * Intercom: {@code X-Hub-Signature: sha1=<hex HMAC-SHA1 of the body>} keyed with the app's client
 * secret; delivery id {@code id}; event type {@code topic}.
 *
 * @see <a
 *     href="https://developers.intercom.com/docs/references/webhooks/webhook-models#signed-notifications">Intercom:
 *     signed notifications</a>
 */
public final class IntercomProvider implements Provider {
  /** Creates the preset; called by {@link java.util.ServiceLoader}. */
  public IntercomProvider() {}

  @Override
  public String name() {
    return "intercom";
  }

  @Override
  public ProviderRules rules(ProviderSettings settings) {
    return ProviderRules.builder()
        .signatureScheme(
            HmacSignatureScheme.hubSignature(
                "X-Hub-Signature", HmacAlgorithm.SHA1, settings.secrets()))
        .deliveryId(Locator.json("id"))
        .eventType(Locator.json("topic"))
        .build();
  }
}

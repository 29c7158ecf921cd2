package io.webhookkit.core.internal.presets;

import io.webhookkit.core.provider.Locator;
import io.webhookkit.core.provider.Provider;
import io.webhookkit.core.provider.ProviderRules;
import io.webhookkit.core.provider.ProviderSettings;
import io.webhookkit.core.signature.TokenSignatureScheme;

/**
 * Vapi: {@code X-Vapi-Secret} carries the server URL secret set for the assistant or phone number
 * (compared in constant time; a shared token, not a signature of the body). Event type {@code
 * message.type}; no delivery id: the body's SHA-256.
 *
 * @see <a href="https://docs.vapi.ai/server-url/server-authentication">Vapi: server
 *     authentication</a>
 */
public final class VapiProvider implements Provider {
  /** Creates the preset; called by {@link java.util.ServiceLoader}. */
  public VapiProvider() {}

  @Override
  public String name() {
    return "vapi";
  }

  @Override
  public ProviderRules rules(ProviderSettings settings) {
    return ProviderRules.builder()
        .signatureScheme(
            TokenSignatureScheme.builder()
                .header("X-Vapi-Secret")
                .secrets(settings.secrets())
                .build())
        .deliveryId(Locator.bodySha256())
        .eventType(Locator.json("message.type"))
        .build();
  }
}

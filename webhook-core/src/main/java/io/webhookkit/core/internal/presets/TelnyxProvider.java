package io.webhookkit.core.internal.presets;

import io.webhookkit.core.provider.Locator;
import io.webhookkit.core.provider.Provider;
import io.webhookkit.core.provider.ProviderRules;
import io.webhookkit.core.provider.ProviderSettings;
import io.webhookkit.core.signature.PublicKeySignatureScheme;

/**
 * Telnyx (API v2): {@code telnyx-signature-ed25519}, a base64 Ed25519 signature over {@code
 * <telnyx-timestamp>|<body>} by Telnyx's key; the secret to configure is the account's public key
 * (base64, from the portal), nothing secret. Delivery id: the event's {@code data.id}; event type
 * {@code data.event_type}.
 *
 * @see <a href="https://developers.telnyx.com/docs/messaging/messages/receiving-webhooks">Telnyx:
 *     receiving webhooks</a>
 */
public final class TelnyxProvider implements Provider {
  /** Creates the preset; called by {@link java.util.ServiceLoader}. */
  public TelnyxProvider() {}

  @Override
  public String name() {
    return "telnyx";
  }

  @Override
  public ProviderRules rules(ProviderSettings settings) {
    PublicKeySignatureScheme scheme;
    try {
      scheme =
          PublicKeySignatureScheme.of(
              PublicKeySignatureScheme.Algorithm.ED25519_BASE64,
              "telnyx-signature-ed25519",
              "telnyx-timestamp",
              "|",
              settings.secrets());
    } catch (IllegalArgumentException e) {
      throw settings.invalid("secrets", String.valueOf(e.getMessage()));
    }
    return ProviderRules.builder()
        .signatureScheme(scheme)
        .deliveryId(Locator.json("data.id"))
        .eventType(Locator.json("data.event_type"))
        .build();
  }
}

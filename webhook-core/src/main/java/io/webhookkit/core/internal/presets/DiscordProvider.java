package io.webhookkit.core.internal.presets;

import io.webhookkit.core.provider.Locator;
import io.webhookkit.core.provider.Provider;
import io.webhookkit.core.provider.ProviderRules;
import io.webhookkit.core.provider.ProviderSettings;
import io.webhookkit.core.signature.PublicKeySignatureScheme;

/**
 * Discord interactions: {@code X-Signature-Ed25519}, the hex Ed25519 signature of {@code
 * X-Signature-Timestamp} followed by the body, verified with the application's public key
 * (configured as the {@code secrets}, 64 hex digits). Delivery id {@code id}; type {@code type}.
 * Answers PING ({@code type} 1) with {@code {"type":1}} after its signature verified.
 *
 * @see <a
 *     href="https://discord.com/developers/docs/interactions/overview#setting-up-an-endpoint">Discord:
 *     setting up an endpoint</a>
 */
public final class DiscordProvider implements Provider {
  /** Creates the preset; called by {@link java.util.ServiceLoader}. */
  public DiscordProvider() {}

  @Override
  public String name() {
    return "discord";
  }

  @Override
  public ProviderRules rules(ProviderSettings settings) {
    return ProviderRules.builder()
        .signatureScheme(
            PublicKeySignatureScheme.of(
                PublicKeySignatureScheme.Algorithm.ED25519,
                "X-Signature-Ed25519",
                "X-Signature-Timestamp",
                settings.secrets()))
        .deliveryId(Locator.json("id"))
        .eventType(Locator.json("type"))
        .handshake(Handshakes.discordPing())
        .build();
  }
}

package io.webhookkit.core.internal.presets;

import io.webhookkit.core.provider.Locator;
import io.webhookkit.core.provider.Provider;
import io.webhookkit.core.provider.ProviderRules;
import io.webhookkit.core.provider.ProviderSettings;
import io.webhookkit.core.signature.HmacSignatureScheme;
import io.webhookkit.core.signature.SignedContent;
import io.webhookkit.core.signature.TimestampFormat;

/**
 * Twitch EventSub: {@code Twitch-Eventsub-Message-Signature: sha256=<hex HMAC-SHA256>} of the
 * message id, the RFC 3339 {@code Twitch-Eventsub-Message-Timestamp} and the body, concatenated;
 * delivery id {@code Twitch-Eventsub-Message-Id} (kept when Twitch resends), event type {@code
 * Twitch-Eventsub-Subscription-Type}, attribute {@code message-type} ({@code notification}, {@code
 * revocation}); the {@code webhook_callback_verification} challenge is answered after the signature
 * verified.
 *
 * @see <a href="https://dev.twitch.tv/docs/eventsub/handling-webhook-events/">Twitch: handling
 *     webhook events</a>
 */
public final class TwitchProvider implements Provider {
  /** Creates the preset; called by {@link java.util.ServiceLoader}. */
  public TwitchProvider() {}

  @Override
  public String name() {
    return "twitch";
  }

  @Override
  public ProviderRules rules(ProviderSettings settings) {
    return ProviderRules.builder()
        .signatureScheme(
            HmacSignatureScheme.builder()
                .header("Twitch-Eventsub-Message-Signature")
                .prefix("sha256=")
                .content(SignedContent.parse("{id}{timestamp}{body}"))
                .idHeader("Twitch-Eventsub-Message-Id")
                .timestampHeader("Twitch-Eventsub-Message-Timestamp")
                .timestampFormat(TimestampFormat.RFC3339)
                .secrets(settings.secrets())
                .build())
        .deliveryId(Locator.header("Twitch-Eventsub-Message-Id"))
        .eventType(Locator.header("Twitch-Eventsub-Subscription-Type"))
        .attribute("message-type", Locator.header("Twitch-Eventsub-Message-Type"))
        .handshake(Handshakes.twitchChallenge())
        .build();
  }
}

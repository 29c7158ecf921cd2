package io.webhookkit.core.internal.presets;

import io.webhookkit.core.provider.Locator;
import io.webhookkit.core.provider.Provider;
import io.webhookkit.core.provider.ProviderRules;
import io.webhookkit.core.provider.ProviderSettings;
import io.webhookkit.core.signature.TokenSignatureScheme;

/**
 * Telegram Bot API: {@code X-Telegram-Bot-Api-Secret-Token} carries the {@code secret_token} given
 * to {@code setWebhook} (compared in constant time; a shared token, not a signature of the body).
 * Delivery id: the update's {@code update_id}.
 *
 * @see <a href="https://core.telegram.org/bots/api#setwebhook">Telegram Bot API: setWebhook</a>
 */
public final class TelegramProvider implements Provider {
  /** Creates the preset; called by {@link java.util.ServiceLoader}. */
  public TelegramProvider() {}

  @Override
  public String name() {
    return "telegram";
  }

  @Override
  public ProviderRules rules(ProviderSettings settings) {
    return ProviderRules.builder()
        .signatureScheme(
            TokenSignatureScheme.builder()
                .header("X-Telegram-Bot-Api-Secret-Token")
                .secrets(settings.secrets())
                .build())
        .deliveryId(Locator.json("update_id"))
        .build();
  }
}

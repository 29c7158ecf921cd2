package io.webhookkit.core.internal.presets;

import io.webhookkit.core.provider.Locator;
import io.webhookkit.core.provider.Provider;
import io.webhookkit.core.provider.ProviderRules;
import io.webhookkit.core.provider.ProviderSettings;
import io.webhookkit.core.signature.StandardWebhooksSignatureScheme;
import java.util.List;

/**
 * OpenAI: Standard Webhooks ({@code webhook-id}, {@code webhook-timestamp}, {@code
 * webhook-signature}, {@code whsec_} secrets); event type {@code type} ({@code response.completed},
 * {@code batch.completed}, …).
 *
 * @see <a href="https://platform.openai.com/docs/guides/webhooks">OpenAI: webhooks</a>
 */
public final class OpenAiProvider implements Provider {
  /** Creates the preset; called by {@link java.util.ServiceLoader}. */
  public OpenAiProvider() {}

  @Override
  public String name() {
    return "openai";
  }

  @Override
  public ProviderRules rules(ProviderSettings settings) {
    return StandardWebhooksProvider.rules(
        settings,
        List.of(StandardWebhooksSignatureScheme.STANDARD),
        settings.secrets(),
        Locator.json("type"));
  }
}

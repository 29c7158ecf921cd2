package io.webhookkit.core.internal.presets;

import io.webhookkit.core.provider.Locator;

/**
 * OpenAI: Standard Webhooks ({@code webhook-id}, {@code webhook-timestamp}, {@code
 * webhook-signature}, {@code whsec_} secrets); event type {@code type} ({@code response.completed},
 * {@code batch.completed}, …).
 *
 * @see <a href="https://platform.openai.com/docs/guides/webhooks">OpenAI: webhooks</a>
 */
public final class OpenAiProvider extends StandardWebhooksSender {
  /** Creates the preset; called by {@link java.util.ServiceLoader}. */
  public OpenAiProvider() {
    super("openai", Locator.json("type"));
  }
}

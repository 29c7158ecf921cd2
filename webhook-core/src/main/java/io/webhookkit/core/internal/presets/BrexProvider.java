package io.webhookkit.core.internal.presets;

import io.webhookkit.core.provider.Locator;
import io.webhookkit.core.provider.Provider;
import io.webhookkit.core.provider.ProviderRules;
import io.webhookkit.core.provider.ProviderSettings;
import io.webhookkit.core.signature.StandardWebhooksSignatureScheme;
import java.util.List;

/**
 * Brex: Standard Webhooks ({@code Webhook-Id}, {@code Webhook-Timestamp}, {@code
 * Webhook-Signature}); the secrets are those Brex lists at {@code /v1/webhooks/secrets} (base64,
 * both while one is rotated); event type {@code event_type}.
 *
 * @see <a href="https://developer.brex.com/docs/webhooks">Brex: webhooks</a>
 */
public final class BrexProvider implements Provider {
  /** Creates the preset; called by {@link java.util.ServiceLoader}. */
  public BrexProvider() {}

  @Override
  public String name() {
    return "brex";
  }

  @Override
  public ProviderRules rules(ProviderSettings settings) {
    return StandardWebhooksProvider.rules(
        settings,
        List.of(StandardWebhooksSignatureScheme.STANDARD),
        settings.secrets(),
        Locator.json("event_type"));
  }
}

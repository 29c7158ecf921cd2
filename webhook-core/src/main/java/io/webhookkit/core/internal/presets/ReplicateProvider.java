package io.webhookkit.core.internal.presets;

import io.webhookkit.core.provider.Provider;
import io.webhookkit.core.provider.ProviderRules;
import io.webhookkit.core.provider.ProviderSettings;
import io.webhookkit.core.signature.StandardWebhooksSignatureScheme;
import java.util.List;

/**
 * Replicate: Standard Webhooks ({@code webhook-id}, kept when a webhook is resent; {@code
 * webhook-timestamp}; {@code webhook-signature}; the {@code whsec_} signing secret from the API).
 * The body is the prediction itself: no event type (its {@code status} tells the stage).
 *
 * @see <a href="https://replicate.com/docs/topics/webhooks/verify-webhook">Replicate: verify
 *     webhooks</a>
 */
public final class ReplicateProvider implements Provider {
  /** Creates the preset; called by {@link java.util.ServiceLoader}. */
  public ReplicateProvider() {}

  @Override
  public String name() {
    return "replicate";
  }

  @Override
  public ProviderRules rules(ProviderSettings settings) {
    return StandardWebhooksProvider.rules(
        settings, List.of(StandardWebhooksSignatureScheme.STANDARD), settings.secrets(), null);
  }
}

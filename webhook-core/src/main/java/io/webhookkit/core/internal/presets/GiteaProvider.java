package io.webhookkit.core.internal.presets;

import io.webhookkit.core.provider.Locator;
import io.webhookkit.core.provider.Provider;
import io.webhookkit.core.provider.ProviderRules;
import io.webhookkit.core.provider.ProviderSettings;
import io.webhookkit.core.signature.HmacSignatureScheme;

/**
 * Gitea: {@code X-Gitea-Signature}, the hex HMAC-SHA256 of the body (no prefix) keyed with the
 * webhook secret; delivery id {@code X-Gitea-Delivery}; event type {@code X-Gitea-Event} (as
 * Gitea's {@code services/webhook/deliver.go} sends them).
 *
 * @see <a href="https://docs.gitea.com/usage/webhooks">Gitea: webhooks</a>
 */
public final class GiteaProvider implements Provider {
  /** Creates the preset; called by {@link java.util.ServiceLoader}. */
  public GiteaProvider() {}

  @Override
  public String name() {
    return "gitea";
  }

  @Override
  public ProviderRules rules(ProviderSettings settings) {
    return ProviderRules.builder()
        .signatureScheme(
            HmacSignatureScheme.builder()
                .header("X-Gitea-Signature")
                .secrets(settings.secrets())
                .build())
        .deliveryId(Locator.header("X-Gitea-Delivery"))
        .eventType(Locator.header("X-Gitea-Event"))
        .build();
  }
}

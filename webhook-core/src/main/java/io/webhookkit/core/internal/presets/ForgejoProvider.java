package io.webhookkit.core.internal.presets;

import io.webhookkit.core.provider.Locator;
import io.webhookkit.core.provider.Provider;
import io.webhookkit.core.provider.ProviderRules;
import io.webhookkit.core.provider.ProviderSettings;
import io.webhookkit.core.signature.HmacSignatureScheme;

/**
 * Forgejo: {@code X-Forgejo-Signature} (also sent as {@code X-Gitea-Signature}), the hex
 * HMAC-SHA256 of the body keyed with the webhook secret; delivery id {@code X-Forgejo-Delivery}
 * (else {@code X-Gitea-Delivery}); event type {@code X-Forgejo-Event} (else {@code X-Gitea-Event}).
 *
 * @see <a href="https://forgejo.org/docs/latest/user/webhooks/">Forgejo: webhooks</a>
 */
public final class ForgejoProvider implements Provider {
  /** Creates the preset; called by {@link java.util.ServiceLoader}. */
  public ForgejoProvider() {}

  @Override
  public String name() {
    return "forgejo";
  }

  @Override
  public ProviderRules rules(ProviderSettings settings) {
    return ProviderRules.builder()
        .signatureScheme(
            HmacSignatureScheme.builder()
                .header("X-Forgejo-Signature")
                .alsoHeader("X-Gitea-Signature")
                .secrets(settings.secrets())
                .build())
        .deliveryId(Locator.header("X-Forgejo-Delivery"), Locator.header("X-Gitea-Delivery"))
        .eventType(Locator.header("X-Forgejo-Event"), Locator.header("X-Gitea-Event"))
        .build();
  }
}

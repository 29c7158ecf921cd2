package io.webhookkit.core.internal.presets;

import io.webhookkit.core.provider.Locator;
import io.webhookkit.core.provider.Provider;
import io.webhookkit.core.provider.ProviderRules;
import io.webhookkit.core.provider.ProviderSettings;
import io.webhookkit.core.signature.TokenSignatureScheme;

/**
 * GitLab: {@code X-Gitlab-Token} holds the secret token as it is (compared in constant time; it
 * does not cover the body); delivery id {@code Idempotency-Key}, else {@code X-Gitlab-Event-UUID};
 * event type {@code X-Gitlab-Event}.
 *
 * @see <a href="https://docs.gitlab.com/user/project/integrations/webhooks/">GitLab: webhooks</a>
 */
public final class GitLabProvider implements Provider {
  /** Creates the preset; called by {@link java.util.ServiceLoader}. */
  public GitLabProvider() {}

  @Override
  public String name() {
    return "gitlab";
  }

  @Override
  public ProviderRules rules(ProviderSettings settings) {
    return ProviderRules.builder()
        .signatureScheme(
            TokenSignatureScheme.builder()
                .header("X-Gitlab-Token")
                .secrets(settings.secrets())
                .build())
        .deliveryId(Locator.header("Idempotency-Key"), Locator.header("X-Gitlab-Event-UUID"))
        .eventType(Locator.header("X-Gitlab-Event"))
        .build();
  }
}

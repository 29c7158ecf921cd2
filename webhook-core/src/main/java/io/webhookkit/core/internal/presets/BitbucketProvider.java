package io.webhookkit.core.internal.presets;

import io.webhookkit.core.provider.Locator;
import io.webhookkit.core.provider.Provider;
import io.webhookkit.core.provider.ProviderRules;
import io.webhookkit.core.provider.ProviderSettings;
import io.webhookkit.core.signature.HmacAlgorithm;
import io.webhookkit.core.signature.HmacSignatureScheme;

/**
 * Bitbucket Cloud and Data Center: {@code X-Hub-Signature: sha256=<hex HMAC-SHA256 of the body>};
 * delivery id {@code X-Request-UUID} (Cloud), else {@code X-Request-Id} (Data Center); event type
 * {@code X-Event-Key}.
 *
 * @see <a href="https://support.atlassian.com/bitbucket-cloud/docs/manage-webhooks/">Bitbucket:
 *     manage webhooks</a>
 */
public final class BitbucketProvider implements Provider {
  /** Creates the preset; called by {@link java.util.ServiceLoader}. */
  public BitbucketProvider() {}

  @Override
  public String name() {
    return "bitbucket";
  }

  @Override
  public ProviderRules rules(ProviderSettings settings) {
    return ProviderRules.builder()
        .signatureScheme(
            HmacSignatureScheme.hubSignature(
                "X-Hub-Signature", HmacAlgorithm.SHA256, settings.secrets()))
        .deliveryId(Locator.header("X-Request-UUID"), Locator.header("X-Request-Id"))
        .eventType(Locator.header("X-Event-Key"))
        .build();
  }
}

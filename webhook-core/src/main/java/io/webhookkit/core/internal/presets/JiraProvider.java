package io.webhookkit.core.internal.presets;

import io.webhookkit.core.provider.Locator;
import io.webhookkit.core.provider.Provider;
import io.webhookkit.core.provider.ProviderRules;
import io.webhookkit.core.provider.ProviderSettings;
import io.webhookkit.core.signature.HmacAlgorithm;
import io.webhookkit.core.signature.HmacSignatureScheme;

/**
 * Jira Cloud (webhooks registered with a secret): {@code X-Hub-Signature: sha256=<hex>}, the
 * HMAC-SHA256 of the body; delivery id {@code X-Atlassian-Webhook-Identifier} (the same on
 * retries), event type JSON {@code webhookEvent}.
 *
 * @see <a
 *     href="https://developer.atlassian.com/cloud/jira/platform/webhooks/#secure-admin-webhooks">Jira:
 *     secure admin webhooks</a>
 */
public final class JiraProvider implements Provider {
  /** Creates the preset; called by {@link java.util.ServiceLoader}. */
  public JiraProvider() {}

  @Override
  public String name() {
    return "jira";
  }

  @Override
  public ProviderRules rules(ProviderSettings settings) {
    return ProviderRules.builder()
        .signatureScheme(
            HmacSignatureScheme.hubSignature(
                "X-Hub-Signature", HmacAlgorithm.SHA256, settings.secrets()))
        .deliveryId(Locator.header("X-Atlassian-Webhook-Identifier"))
        .eventType(Locator.json("webhookEvent"))
        .build();
  }
}

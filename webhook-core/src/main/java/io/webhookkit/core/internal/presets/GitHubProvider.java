package io.webhookkit.core.internal.presets;

import io.webhookkit.core.provider.Locator;
import io.webhookkit.core.provider.PayloadFormat;
import io.webhookkit.core.provider.Provider;
import io.webhookkit.core.provider.ProviderRules;
import io.webhookkit.core.provider.ProviderSettings;
import io.webhookkit.core.signature.HmacAlgorithm;
import io.webhookkit.core.signature.HmacSignatureScheme;

/**
 * GitHub: {@code X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the body>}; delivery id {@code
 * X-GitHub-Delivery}; event type {@code X-GitHub-Event}; JSON or form ({@code payload=}) bodies.
 * GitHub's {@code ping} event is an ordinary delivery. The delivery id is not signed.
 *
 * @see <a
 *     href="https://docs.github.com/en/webhooks/using-webhooks/validating-webhook-deliveries">GitHub:
 *     validating webhook deliveries</a>
 */
public final class GitHubProvider implements Provider {
  /** Creates the preset; called by {@link java.util.ServiceLoader}. */
  public GitHubProvider() {}

  @Override
  public String name() {
    return "github";
  }

  @Override
  public ProviderRules rules(ProviderSettings settings) {
    return ProviderRules.builder()
        .signatureScheme(
            HmacSignatureScheme.hubSignature(
                "X-Hub-Signature-256", HmacAlgorithm.SHA256, settings.secrets()))
        .payloadFormat(PayloadFormat.JSON_OR_FORM)
        .deliveryId(Locator.header("X-GitHub-Delivery"))
        .eventType(Locator.header("X-GitHub-Event"))
        .attribute("hook-id", Locator.header("X-GitHub-Hook-ID"))
        .build();
  }
}

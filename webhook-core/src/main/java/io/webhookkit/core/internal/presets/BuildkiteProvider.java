package io.webhookkit.core.internal.presets;

import io.webhookkit.core.provider.Locator;
import io.webhookkit.core.provider.Provider;
import io.webhookkit.core.provider.ProviderRules;
import io.webhookkit.core.provider.ProviderSettings;
import io.webhookkit.core.signature.KeyValueSignatureScheme;

/**
 * Buildkite Pipelines webhooks with the token sent as a signature: {@code X-Buildkite-Signature:
 * timestamp=<Unix s>,signature=<hex>}, HMAC-SHA256 over {@code <timestamp>.<body>} keyed with the
 * webhook token (choose "signature", not the plain {@code X-Buildkite-Token}, in Buildkite's
 * settings). Event type {@code X-Buildkite-Event}; no delivery id: the body's SHA-256.
 *
 * @see <a href="https://buildkite.com/docs/apis/webhooks/pipelines">Buildkite: pipelines
 *     webhooks</a>
 */
public final class BuildkiteProvider implements Provider {
  /** Creates the preset; called by {@link java.util.ServiceLoader}. */
  public BuildkiteProvider() {}

  @Override
  public String name() {
    return "buildkite";
  }

  @Override
  public ProviderRules rules(ProviderSettings settings) {
    return ProviderRules.builder()
        .signatureScheme(
            KeyValueSignatureScheme.builder()
                .header("X-Buildkite-Signature")
                .timestampKey("timestamp")
                .signatureKey("signature")
                .secrets(settings.secrets())
                .build())
        .deliveryId(Locator.bodySha256())
        .eventType(Locator.header("X-Buildkite-Event"))
        .build();
  }
}

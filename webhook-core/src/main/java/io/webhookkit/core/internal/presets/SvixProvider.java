package io.webhookkit.core.internal.presets;

import io.webhookkit.core.provider.Provider;
import io.webhookkit.core.provider.ProviderRules;
import io.webhookkit.core.provider.ProviderSettings;
import io.webhookkit.core.signature.StandardWebhooksSignatureScheme;
import java.util.List;

/**
 * Svix: the Standard Webhooks scheme with {@code svix-id}, {@code svix-timestamp} and {@code
 * svix-signature}, falling back to the {@code webhook-*} headers.
 *
 * @see <a href="https://docs.svix.com/receiving/verifying-payloads/how-manual">Svix: verifying
 *     webhooks manually</a>
 */
public final class SvixProvider implements Provider {
  /** Creates the preset; called by {@link java.util.ServiceLoader}. */
  public SvixProvider() {}

  @Override
  public String name() {
    return "svix";
  }

  @Override
  public ProviderRules rules(ProviderSettings settings) {
    return StandardWebhooksProvider.rules(
        settings,
        List.of(StandardWebhooksSignatureScheme.SVIX, StandardWebhooksSignatureScheme.STANDARD));
  }
}

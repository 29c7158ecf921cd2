package io.webhookkit.core.internal.presets;

import io.webhookkit.core.provider.Provider;
import io.webhookkit.core.provider.ProviderRules;
import io.webhookkit.core.provider.ProviderSettings;
import io.webhookkit.core.signature.StandardWebhooksSignatureScheme;
import java.util.List;

/**
 * Clerk: the Svix scheme ({@code svix-id}, {@code svix-timestamp}, {@code svix-signature}, {@code
 * whsec_} secrets); event type {@code type}.
 *
 * @see <a href="https://clerk.com/docs/webhooks/sync-data">Clerk: webhooks</a>
 */
public final class ClerkProvider implements Provider {
  /** Creates the preset; called by {@link java.util.ServiceLoader}. */
  public ClerkProvider() {}

  @Override
  public String name() {
    return "clerk";
  }

  @Override
  public ProviderRules rules(ProviderSettings settings) {
    return StandardWebhooksProvider.rules(
        settings,
        List.of(StandardWebhooksSignatureScheme.SVIX, StandardWebhooksSignatureScheme.STANDARD));
  }
}

package io.webhookkit.core.internal.presets;

import io.webhookkit.core.provider.Provider;
import io.webhookkit.core.provider.ProviderRules;
import io.webhookkit.core.provider.ProviderSettings;
import io.webhookkit.core.signature.StandardWebhooksSignatureScheme;
import java.util.List;

/**
 * Resend: the Svix scheme ({@code svix-id}, {@code svix-timestamp}, {@code svix-signature}, {@code
 * whsec_} secrets); event type {@code type}.
 *
 * @see <a href="https://resend.com/docs/dashboard/webhooks/verify-webhooks-requests">Resend: verify
 *     webhook requests</a>
 */
public final class ResendProvider implements Provider {
  /** Creates the preset; called by {@link java.util.ServiceLoader}. */
  public ResendProvider() {}

  @Override
  public String name() {
    return "resend";
  }

  @Override
  public ProviderRules rules(ProviderSettings settings) {
    return StandardWebhooksProvider.rules(
        settings,
        List.of(StandardWebhooksSignatureScheme.SVIX, StandardWebhooksSignatureScheme.STANDARD));
  }
}

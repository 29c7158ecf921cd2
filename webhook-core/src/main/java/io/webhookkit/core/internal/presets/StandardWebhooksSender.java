package io.webhookkit.core.internal.presets;

import io.webhookkit.core.provider.Locator;
import io.webhookkit.core.provider.Provider;
import io.webhookkit.core.provider.ProviderRules;
import io.webhookkit.core.provider.ProviderSettings;
import io.webhookkit.core.signature.StandardWebhooksSignatureScheme;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A sender that signs with Standard Webhooks ({@code webhook-id}, {@code webhook-timestamp}, {@code
 * webhook-signature}, {@code whsec_} secrets) under its own preset name, naming its events where it
 * does.
 */
abstract class StandardWebhooksSender implements Provider {
  private final String name;
  private final @Nullable Locator eventType;

  StandardWebhooksSender(String name, @Nullable Locator eventType) {
    this.name = name;
    this.eventType = eventType;
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final ProviderRules rules(ProviderSettings settings) {
    return StandardWebhooksProvider.rules(
        settings, List.of(StandardWebhooksSignatureScheme.STANDARD), settings.secrets(), eventType);
  }
}

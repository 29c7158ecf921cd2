package io.webhookkit.core.internal.presets;

import io.webhookkit.core.internal.keys.PlaidScheme;
import io.webhookkit.core.provider.Locator;
import io.webhookkit.core.provider.Provider;
import io.webhookkit.core.provider.ProviderKey;
import io.webhookkit.core.provider.ProviderRules;
import io.webhookkit.core.provider.ProviderSettings;
import java.util.List;

/**
 * Plaid: the {@code Plaid-Verification} JWT (ES256) over the body's SHA-256, its key fetched by id
 * with the application's credentials (see {@link PlaidScheme}). {@code secrets} holds the
 * application's Plaid secret (it authenticates the key fetch; only the first is used), {@code
 * client-id} its client id (required), {@code environment} {@code production} (default) or {@code
 * sandbox}. Plaid sends no delivery id: the body's SHA-256; event type {@code webhook_type} (with
 * attribute {@code webhook-code}).
 *
 * @see <a href="https://plaid.com/docs/api/webhooks/webhook-verification/">Plaid: webhook
 *     verification</a>
 */
public final class PlaidProvider implements Provider {
  private static final ProviderKey CLIENT_ID =
      new ProviderKey("client-id", "The application's Plaid client id. Required.");
  private static final ProviderKey ENVIRONMENT =
      new ProviderKey(
          "environment", "production (default) or sandbox: the Plaid host keys are fetched from.");

  /** Creates the preset; called by {@link java.util.ServiceLoader}. */
  public PlaidProvider() {}

  @Override
  public String name() {
    return "plaid";
  }

  @Override
  public List<ProviderKey> keys() {
    return List.of(CLIENT_ID, ENVIRONMENT);
  }

  @Override
  public ProviderRules rules(ProviderSettings settings) {
    String environment = settings.get("environment", "production");
    if (!environment.equals("production") && !environment.equals("sandbox")) {
      throw settings.invalid("environment", "must be production or sandbox");
    }
    return ProviderRules.builder()
        .signatureScheme(
            new PlaidScheme(
                environment,
                settings.require("client-id"),
                settings.secrets().get(0),
                settings.tolerance(),
                settings.remoteKeys()))
        .deliveryId(Locator.bodySha256())
        .eventType(Locator.json("webhook_type"))
        .attribute("webhook-code", Locator.json("webhook_code"))
        .build();
  }
}

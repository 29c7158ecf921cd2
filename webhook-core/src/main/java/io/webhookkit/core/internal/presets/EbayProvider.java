package io.webhookkit.core.internal.presets;

import io.webhookkit.core.internal.keys.EbayScheme;
import io.webhookkit.core.provider.Locator;
import io.webhookkit.core.provider.Provider;
import io.webhookkit.core.provider.ProviderKey;
import io.webhookkit.core.provider.ProviderRules;
import io.webhookkit.core.provider.ProviderSettings;
import java.util.List;

/**
 * eBay Notification API (marketplace account deletion and the other topics): the ECDSA signature in
 * {@code X-EBAY-SIGNATURE}, by the key eBay serves for its id, fetched with an application token
 * (see {@link EbayScheme}). {@code secrets} holds the application's client secret (Cert ID; the
 * first is used), {@code client-id} its App ID, {@code environment} {@code production} (default) or
 * {@code sandbox}. The endpoint validation ({@code GET ?challenge_code=…}) is answered from {@code
 * verify-token} and {@code public-url} (the endpoint URL as registered with eBay), all required.
 * Delivery id {@code notification.notificationId} (kept on retries, which count {@code
 * publishAttemptCount}); event type {@code metadata.topic}.
 *
 * @see <a href="https://developer.ebay.com/marketplace-account-deletion">eBay: marketplace account
 *     deletion notifications</a>
 */
public final class EbayProvider implements Provider {
  private static final ProviderKey CLIENT_ID =
      new ProviderKey("client-id", "The eBay application's client id (App ID). Required.");
  private static final ProviderKey ENVIRONMENT =
      new ProviderKey(
          "environment", "production (default) or sandbox: the eBay API host keys come from.");
  private static final ProviderKey VERIFY_TOKEN =
      new ProviderKey(
          "verify-token",
          "The verification token given to eBay with the endpoint, for its challenge. Required.");

  /** Creates the preset; called by {@link java.util.ServiceLoader}. */
  public EbayProvider() {}

  @Override
  public String name() {
    return "ebay";
  }

  @Override
  public List<ProviderKey> keys() {
    return List.of(CLIENT_ID, ENVIRONMENT, VERIFY_TOKEN, ProviderKey.PUBLIC_URL);
  }

  @Override
  public ProviderRules rules(ProviderSettings settings) {
    String environment = settings.get("environment", "production");
    if (!environment.equals("production") && !environment.equals("sandbox")) {
      throw settings.invalid("environment", "must be production or sandbox");
    }
    String endpoint = settings.publicUrl();
    if (endpoint == null) {
      throw settings.invalid(
          "public-url", "is required by this provider (the endpoint URL registered with eBay)");
    }
    return ProviderRules.builder()
        .signatureScheme(
            new EbayScheme(
                environment.equals("sandbox"),
                settings.require("client-id"),
                settings.secrets().get(0),
                settings.remoteKeys()))
        .deliveryId(Locator.json("notification.notificationId"))
        .eventType(Locator.json("metadata.topic"))
        .handshake(Handshakes.ebayChallenge(settings.require("verify-token"), endpoint))
        .build();
  }
}

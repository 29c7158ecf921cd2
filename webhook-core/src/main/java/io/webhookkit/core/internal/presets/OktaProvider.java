package io.webhookkit.core.internal.presets;

import io.webhookkit.core.provider.Locator;
import io.webhookkit.core.provider.Provider;
import io.webhookkit.core.provider.ProviderKey;
import io.webhookkit.core.provider.ProviderRules;
import io.webhookkit.core.provider.ProviderSettings;
import java.util.List;

/**
 * Okta event hooks: the authorization header configured in Okta ({@code signature.header}, default
 * {@code Authorization}) must carry the secret, as it is or after {@code Bearer } (a token: it does
 * not cover the body). Answers the one-time verification {@code GET} with {@code X-Okta-
 * Verification-Challenge} by {@code {"verification": …}} after the header verified. Delivery id
 * {@code eventId}; event type {@code eventType}.
 *
 * @see <a href="https://developer.okta.com/docs/concepts/event-hooks/">Okta: event hooks</a>
 */
public final class OktaProvider implements Provider {
  /** Creates the preset; called by {@link java.util.ServiceLoader}. */
  public OktaProvider() {}

  @Override
  public String name() {
    return "okta";
  }

  @Override
  public List<ProviderKey> keys() {
    return List.of(ProviderKey.TOKEN_HEADER);
  }

  @Override
  public ProviderRules rules(ProviderSettings settings) {
    return ProviderRules.builder()
        .signatureScheme(settings.bearerToken(null))
        .deliveryId(Locator.json("eventId"))
        .eventType(Locator.json("eventType"))
        .handshake(Handshakes.oktaVerification())
        .build();
  }
}

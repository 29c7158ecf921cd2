package io.webhookkit.core.internal.presets;

import io.webhookkit.core.Secret;
import io.webhookkit.core.provider.Locator;
import io.webhookkit.core.provider.PayloadFormat;
import io.webhookkit.core.provider.Provider;
import io.webhookkit.core.provider.ProviderRules;
import io.webhookkit.core.provider.ProviderSettings;
import io.webhookkit.core.signature.StandardWebhooksSignatureScheme;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Standard Webhooks: {@code webhook-id}, {@code webhook-timestamp}, {@code webhook-signature}
 * ({@code v1} HMAC with {@code whsec_} secrets, {@code v1a} Ed25519 with {@code whpk_} public
 * keys); event type from the JSON {@code type}. The delivery id is signed.
 *
 * @see <a href="https://www.standardwebhooks.com/">Standard Webhooks</a>
 */
public final class StandardWebhooksProvider implements Provider {
  /** Creates the preset; called by {@link java.util.ServiceLoader}. */
  public StandardWebhooksProvider() {}

  @Override
  public String name() {
    return "standard-webhooks";
  }

  @Override
  public ProviderRules rules(ProviderSettings settings) {
    return rules(settings, List.of(StandardWebhooksSignatureScheme.STANDARD));
  }

  static ProviderRules rules(
      ProviderSettings settings, List<StandardWebhooksSignatureScheme.HeaderFamily> families) {
    return rules(settings, families, settings.secrets(), Locator.json("type"));
  }

  /**
   * The rules of a Standard Webhooks sender with these secrets and this event type locator (a
   * sender naming its events elsewhere, or not at all: {@code null}).
   */
  static ProviderRules rules(
      ProviderSettings settings,
      List<StandardWebhooksSignatureScheme.HeaderFamily> families,
      List<Secret> secrets,
      @Nullable Locator eventType) {
    StandardWebhooksSignatureScheme scheme;
    try {
      scheme = StandardWebhooksSignatureScheme.of(families, secrets);
    } catch (IllegalArgumentException e) {
      throw settings.invalid("secrets", Objects.requireNonNullElse(e.getMessage(), "is not valid"));
    }
    Locator[] ids = families.stream().map(f -> Locator.header(f.id())).toArray(Locator[]::new);
    return ProviderRules.builder()
        .signatureScheme(scheme)
        .payloadFormat(PayloadFormat.JSON)
        .deliveryId(ids)
        .eventType(eventType == null ? new Locator[0] : new Locator[] {eventType})
        .build();
  }
}

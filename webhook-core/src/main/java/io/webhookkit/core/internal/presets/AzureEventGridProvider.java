package io.webhookkit.core.internal.presets;

import io.webhookkit.core.provider.Locator;
import io.webhookkit.core.provider.Provider;
import io.webhookkit.core.provider.ProviderKey;
import io.webhookkit.core.provider.ProviderRules;
import io.webhookkit.core.provider.ProviderSettings;
import java.util.List;

/**
 * Azure Event Grid (Event Grid schema): a shared secret sent as a delivery header ({@code
 * signature.header}, default {@code Authorization}, as it is or after {@code Bearer }) or as the
 * {@code code} query parameter of the endpoint URL. Answers {@code SubscriptionValidationEvent}
 * with {@code {"validationResponse": …}} after the secret verified. Events come in a JSON array:
 * the body's SHA-256 is the delivery id; {@code aeg-event-type} is the event type.
 *
 * @see <a
 *     href="https://learn.microsoft.com/en-us/azure/event-grid/end-point-validation-event-grid-events-schema">Azure
 *     Event Grid: endpoint validation</a>
 */
public final class AzureEventGridProvider implements Provider {
  /** Creates the preset; called by {@link java.util.ServiceLoader}. */
  public AzureEventGridProvider() {}

  @Override
  public String name() {
    return "azure-event-grid";
  }

  @Override
  public List<ProviderKey> keys() {
    return List.of(ProviderKey.TOKEN_HEADER);
  }

  @Override
  public ProviderRules rules(ProviderSettings settings) {
    return ProviderRules.builder()
        .signatureScheme(settings.bearerToken("code"))
        .deliveryId(Locator.bodySha256())
        .eventType(Locator.header("aeg-event-type"))
        .handshake(Handshakes.eventGridValidation())
        .build();
  }
}

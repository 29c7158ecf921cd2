package io.webhookkit.core.internal.presets;

import io.webhookkit.core.internal.keys.PayPalScheme;
import io.webhookkit.core.provider.Locator;
import io.webhookkit.core.provider.PayloadFormat;
import io.webhookkit.core.provider.Provider;
import io.webhookkit.core.provider.ProviderKey;
import io.webhookkit.core.provider.ProviderRules;
import io.webhookkit.core.provider.ProviderSettings;
import java.util.List;

/**
 * PayPal REST webhooks: {@code PAYPAL-TRANSMISSION-SIG}, SHA256withRSA by PayPal's certificate at
 * {@code PAYPAL-CERT-URL} (fetched only from PayPal's API hosts) over the transmission id and time,
 * the endpoint's {@code webhook-id} (required: the id PayPal's dashboard shows for the webhook) and
 * the CRC32 of the body; see {@link PayPalScheme}. The signed {@code PAYPAL-TRANSMISSION-TIME} is
 * held to the window (PayPal signs each transmission, retries included). Delivery id: the event's
 * JSON {@code id} ({@code WH-…}, the same on every retry); event type {@code event_type}; attribute
 * {@code transmission-id}.
 *
 * @see <a href="https://developer.paypal.com/api/rest/webhooks/rest/">PayPal: integrate
 *     webhooks</a>
 */
public final class PayPalProvider implements Provider {
  private static final ProviderKey WEBHOOK_ID =
      new ProviderKey(
          "webhook-id",
          "The webhook's id in PayPal's developer dashboard (part of what PayPal signs). Required.");

  /** Creates the preset; called by {@link java.util.ServiceLoader}. */
  public PayPalProvider() {}

  @Override
  public String name() {
    return "paypal";
  }

  @Override
  public List<ProviderKey> keys() {
    return List.of(WEBHOOK_ID);
  }

  @Override
  public boolean usesSecrets() {
    return false;
  }

  @Override
  public ProviderRules rules(ProviderSettings settings) {
    String webhookId = settings.require("webhook-id");
    if (!webhookId.matches("[A-Za-z0-9]+")) {
      throw settings.invalid("webhook-id", "must be the webhook's id (letters and digits)");
    }
    return ProviderRules.builder()
        .signatureScheme(new PayPalScheme(webhookId, settings.remoteKeys()))
        .payloadFormat(PayloadFormat.JSON)
        .deliveryId(Locator.json("id"))
        .eventType(Locator.json("event_type"))
        .attribute("transmission-id", Locator.header("PAYPAL-TRANSMISSION-ID"))
        .build();
  }
}

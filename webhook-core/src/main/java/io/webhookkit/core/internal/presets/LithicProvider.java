package io.webhookkit.core.internal.presets;

import io.webhookkit.core.provider.Locator;

/**
 * Lithic: Standard Webhooks ({@code webhook-id}, {@code webhook-timestamp}, {@code
 * webhook-signature}, the event subscription's {@code whsec_} secret); event type {@code
 * event_type}.
 *
 * @see <a href="https://docs.lithic.com/docs/events-api">Lithic: events and webhooks</a>
 */
public final class LithicProvider extends StandardWebhooksSender {
  /** Creates the preset; called by {@link java.util.ServiceLoader}. */
  public LithicProvider() {
    super("lithic", Locator.json("event_type"));
  }
}

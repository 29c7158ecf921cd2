package io.webhookkit.core.internal.presets;

import io.webhookkit.core.provider.Locator;

/**
 * Brex: Standard Webhooks ({@code Webhook-Id}, {@code Webhook-Timestamp}, {@code
 * Webhook-Signature}); the secrets are those Brex lists at {@code /v1/webhooks/secrets} (base64,
 * both while one is rotated); event type {@code event_type}.
 *
 * @see <a href="https://developer.brex.com/docs/webhooks">Brex: webhooks</a>
 */
public final class BrexProvider extends StandardWebhooksSender {
  /** Creates the preset; called by {@link java.util.ServiceLoader}. */
  public BrexProvider() {
    super("brex", Locator.json("event_type"));
  }
}

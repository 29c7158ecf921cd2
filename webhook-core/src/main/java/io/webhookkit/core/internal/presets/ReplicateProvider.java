package io.webhookkit.core.internal.presets;

/**
 * Replicate: Standard Webhooks ({@code webhook-id}, kept when a webhook is resent; {@code
 * webhook-timestamp}; {@code webhook-signature}; the {@code whsec_} signing secret from the API).
 * The body is the prediction itself: no event type (its {@code status} tells the stage).
 *
 * @see <a href="https://replicate.com/docs/topics/webhooks/verify-webhook">Replicate: verify
 *     webhooks</a>
 */
public final class ReplicateProvider extends StandardWebhooksSender {
  /** Creates the preset; called by {@link java.util.ServiceLoader}. */
  public ReplicateProvider() {
    super("replicate", null);
  }
}

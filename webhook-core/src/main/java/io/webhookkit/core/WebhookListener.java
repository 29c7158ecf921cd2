package io.webhookkit.core;

/**
 * Told of every attempt once, when it ends (adapters bind this to Micrometer). Called on the
 * request thread; must be fast and must not throw (an exception is logged and ignored).
 */
@FunctionalInterface
public interface WebhookListener {
  /** A listener that does nothing. */
  WebhookListener NONE = attempt -> {};

  /** One attempt ended. */
  void onAttempt(WebhookAttempt attempt);
}

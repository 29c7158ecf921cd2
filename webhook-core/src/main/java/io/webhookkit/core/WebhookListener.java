package io.webhookkit.core;

import java.util.List;
import org.slf4j.LoggerFactory;

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

  /**
   * A listener that tells each of these in order; one that throws does not keep the others from
   * being told (its exception is logged and ignored).
   */
  static WebhookListener all(List<? extends WebhookListener> listeners) {
    List<WebhookListener> copy = List.copyOf(listeners);
    return attempt -> {
      for (WebhookListener l : copy) {
        try {
          l.onAttempt(attempt);
        } catch (RuntimeException e) {
          LoggerFactory.getLogger(WebhookListener.class)
              .warn("webhook listener {} failed", l.getClass().getName(), e);
        }
      }
    };
  }
}
